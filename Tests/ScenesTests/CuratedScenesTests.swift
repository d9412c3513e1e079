import Engine
import Foundation
import OptimizerCore
import Scenes
import TestSupport
import Testing

/// The curated scenes of `scenes/`: every one loads, says what to watch for
/// and replays to its recorded checksums, and together they show every
/// optimizer family (`OptimizerFamily`).
///
/// After an intended change in behaviour, re-record the checksums with
/// `RECORD=1 swift test --filter CuratedScenesTests`, then replay the
/// changed scenes and check that each still shows what its description says.
@Suite struct CuratedScenesTests {
  /// `scenes/` at the root of the checkout (this file is Tests/ScenesTests/…),
  /// wherever the tests run from.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenes")

  /// Every scene file, sorted by name.
  static let paths: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
  }()

  /// The optimizer families, numbered in catalog order, and the registry
  /// names that belong to each. The classic baselines are the analytic
  /// descents (gd, adam) with Nelder–Mead and CMA-ES.
  static let families: [(section: String, names: [String])] = [
    (
      "1. Descent, built from parts",
      [
        "descent", "gd", "adam", "momentum", "nesterov", "sign", "rmsprop", "adagrad", "randomgrad", "randombestgrad",
        "spsa", "adamspsa", "spsa2", "guided-es", "ensemble",
      ]
    ),
    ("2. Random walks", ["nth-order-walk", "adaptive-order-walk", "convex-order-walk", "stp"]),
    (
      "3. Annealing and search",
      ["simulated-annealing", "threshold-accepting", "random-search", "accelerated-random-search"]
    ),
    ("4. Swarms", ["pso", "empso", "adaswarm", "eki", "gravity-swarm"]),
    ("5. Evolution", ["evolution-strategy", "cma-es", "xnes", "snes", "optimizer-evolution"]),
    ("6. Classic baselines", ["gd", "adam", "nelder-mead", "cma-es"]),
  ]

  /// The scene, or nil after recording why it did not load (the error
  /// names file, line and column).
  static func load(_ path: String) -> Scene? {
    do { return try SceneFile.load(path) } catch {
      Issue.record("\(error)")
      return nil
    }
  }

  /// Every optimizer a scene runs: at the start, and swapped in or added by
  /// its events.
  static func optimizers(in scene: Scene) -> Set<String> {
    var names = Set(scene.runs.map(\.configuration.kind.name))
    for event in scene.events {
      switch event.command {
      case .swapOptimizer(_, let configuration): names.insert(configuration.kind.name)
      case .addRun(let setup): names.insert(setup.configuration.kind.name)
      default: break
      }
    }
    return names
  }

  @Test(arguments: paths)
  func sceneReplaysToItsChecksums(path: String) throws {
    guard let scene = Self.load(path) else { return }
    #expect(!scene.title.isEmpty, "\(path): the scene needs a title")
    #expect(
      !scene.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      "\(path): the scene needs a description that says what to watch for")
    if Recording.isOn {
      // As `replay --record` does: only the checksums section changes, so
      // the file's comments and layout stay as their author wrote them.
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try FileOutput.write(ChecksumsSection.replacing(in: text, with: try SceneChecksums.recorded(for: scene)), to: path)
      return
    }
    let verification: Verification
    do { verification = try SceneChecksums.verify(scene) } catch {
      Issue.record("\(path): \(error) (curated scenes record theirs with \(Recording.hint(for: "CuratedScenesTests")))")
      return
    }
    if let divergence = verification.divergence {
      Issue.record(
        """
        \(path): \(divergence) (after \(verification.checked) matching checksums); \
        if the change in behaviour is intended, re-record with \(Recording.hint(for: "CuratedScenesTests")) \
        and check the scene still shows its point
        """)
    }
    #expect(verification.checked > 0, "\(path): the replay met no checksums")
  }

  @Test func theTourAndAtLeastSixteenOtherScenesExist() {
    let names = Self.paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    #expect(names.contains(SceneLibrary.tourName), "scenes/\(SceneLibrary.tourName).yaml is what optiscope opens")
    let others = names.filter { $0 != SceneLibrary.tourName }
    #expect(others.count >= 16, "scenes/ holds \(others.count) scenes besides the tour; the issue asks for 16")
  }

  @Test func theFamilyTableNamesEveryRegisteredOptimizer() {
    let mapped = Set(Self.families.flatMap(\.names))
    let registered = Set(OptimizerRegistry.names)
    #expect(
      registered.subtracting(mapped).isEmpty,
      "add \(registered.subtracting(mapped).sorted()) to the family it belongs to in CuratedScenesTests.families")
    #expect(mapped.subtracting(registered).isEmpty, "not in the registry: \(mapped.subtracting(registered).sorted())")
  }

  /// The scenes that load; the one that does not is reported by
  /// `sceneReplaysToItsChecksums`.
  static var loadable: [Scene] { paths.compactMap { try? SceneFile.load($0) } }

  @Test func theScenesShowEveryOptimizerFamily() {
    let used = Self.loadable.reduce(into: Set<String>()) { $0.formUnion(Self.optimizers(in: $1)) }
    for family in Self.families {
      #expect(
        !used.isDisjoint(with: family.names),
        "no curated scene runs an optimizer of family \(family.section): \(family.names.joined(separator: ", "))")
    }
  }

  /// Live changes are part of what a replay must reproduce, so several
  /// scenes carry them.
  @Test func severalScenesReplayLiveChanges() {
    let withEvents = Self.loadable.filter { !$0.events.isEmpty }
    #expect(withEvents.count >= 5, "only \(withEvents.count) curated scenes have events")
  }
}
