import Foundation
import Testing

/// The binary works on its own: copied into a folder outside the checkout
/// and run from another folder, with no OPTISCOPE_SCENES, it still lists,
/// replays and opens the curated scenes, which are built into it.
@Suite(.serialized)
struct InstalledBinaryTests {
  /// A folder with a copy of the binary in `bin/` and an empty `work/` to
  /// run it from, removed afterwards.
  final class Installation {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-installed-\(UUID().uuidString)")
    var binary: String { root.appendingPathComponent("bin/optiscope").path }
    var work: String { root.appendingPathComponent("work").path }

    init() throws {
      try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
      // Copied by cp, not in this process: a file this process holds open
      // for writing is inherited by whatever another test spawns meanwhile,
      // and exec then fails with "Text file busy".
      let copy = try CommandRunner.run("/bin/cp", [OptiscopeBinary.path, binary])
      guard copy.status == 0 else { throw CommandRunner.Failure(message: "cp: \(copy.stderr)") }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The copy, run in `work/` with this environment minus OPTISCOPE_SCENES.
    func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
      var environment = ProcessInfo.processInfo.environment
      environment["OPTISCOPE_SCENES"] = nil
      environment["OPTISCOPE_RECOVERY"] = "off"
      return try CommandRunner.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", work, binary] + arguments, environment: environment)
    }
  }

  /// The curated scenes' names, from the checkout this test was built in.
  static let curatedNames: [String] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenes")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }()

  @Test func theCopyListsEveryCuratedScene() throws {
    let installation = try Installation()
    let outcome = try installation.run(["scenes"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(Self.curatedNames.count >= 18)
    for name in Self.curatedNames {
      #expect(outcome.stdout.contains(name + " "), "\(name) is missing from:\n\(outcome.stdout)")
    }
    #expect(outcome.stdout.contains("Tour: three ways down Rosenbrock's curved valley"))
  }

  @Test func theCopyReplaysEveryCuratedSceneToItsChecksums() throws {
    let installation = try Installation()
    for name in Self.curatedNames {
      let outcome = try installation.run(["replay", name, "--headless", "--verify"])
      #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
      #expect(outcome.stdout.hasPrefix("\(name) (built in): verified"), "\(outcome.stdout)")
    }
  }

  @Test func aBuiltInSceneIsNotRewrittenButCanBeRecordedElsewhere() throws {
    let installation = try Installation()
    let refused = try installation.run(["replay", "tour", "--headless", "--record"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("tour (built in) is built into optiscope and cannot be rewritten"), "\(refused.stderr)")
    let recorded = try installation.run(["replay", "tour", "--headless", "--record", "--output", "tour.yaml"])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let copy = try String(contentsOfFile: installation.work + "/tour.yaml", encoding: .utf8)
    #expect(copy.contains("title: \"Tour: three ways down Rosenbrock's curved valley\""))
  }

  @Test func theCopyOpensTheTourInTheVisualizer() throws {
    let installation = try Installation()
    let session = try TmuxSession(
      ["/bin/sh", "-c", "cd \"$0\" && exec \"$1\"", installation.work, installation.binary],
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    let screen = try session.waitForScreen("the heat map in 256 colours", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    #expect(ScreenReading.showsHeatMap(coloured: screen))
    let text = try session.waitForScreen(containing: "REPLAYING")
    #expect(text.hasPrefix("Rosenbrock"), "\(text)")
    for run in ["adam", "pso", "adaptive-order-walk"] { #expect(text.contains(run), "\(run) in:\n\(text)") }
  }
}
