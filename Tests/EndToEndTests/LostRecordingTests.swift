import Foundation
import Testing

/// A signal that ends an unsaved recording with no recovery copy (recovery
/// off, or its writes failing) says on stderr that the recording is lost
/// and exits non-zero; quitting without saving on purpose stays quiet.
@Suite(.serialized)
struct LostRecordingTests {
  /// A folder of one test's own (the test removes it at the end).
  struct Folder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-lost-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
  }

  private let gradientDescent = ["play", "--landscape", "rosenbrock", "--optimizer", "gd", "--seed", "3", "--paused"]

  /// Starts optiscope, takes two steps and changes the learning rate: an
  /// unsaved recording of 2 steps and 1 event.
  private func startRecording(environment: [String: String]) throws -> TmuxSession {
    let session = try TmuxSession([OptiscopeBinary.path] + gradientDescent, width: 120, height: 40, environment: environment)
    try session.waitForScreen("the heat map", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    for _ in 0..<2 { try session.type(".") }
    try session.waitForScreen("step 2") { ScreenReading.sessionStep(in: $0) == 2 }
    let rate = try #require(ScreenReading.learningRate(in: try session.screen()))
    try session.press("Right")
    try session.waitForScreen("a new learning rate") { ScreenReading.learningRate(in: $0).map { $0 != rate } ?? false }
    return session
  }

  @Test func aSignalWithRecoveryOffSaysTheRecordingIsLost() throws {
    let session = try startRecording(environment: ["OPTISCOPE_RECOVERY": "off"])
    defer { session.kill() }
    #expect(kill(try session.programProcessID(), SIGTERM) == 0)
    #expect(try session.waitForExit() == 128 + SIGTERM)
    try session.waitForScreen(
      containing: "optiscope: the unsaved recording (2 steps, 1 event) is lost: recovery is off (OPTISCOPE_RECOVERY=off)")
  }

  @Test func ctrlCWithAFailingRecoveryFileExitsNonZero() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let session = try startRecording(environment: ["OPTISCOPE_RECOVERY": folder.path])
    defer { session.kill() }
    try session.waitForScreen(containing: "⚠ no recovery copy")
    try session.press("C-c")
    #expect(try session.waitForExit() == 1, "Ctrl-C alone exits 0; losing the recording does not")
    let expected = "optiscope: the unsaved recording (2 steps, 1 event) is lost: recovery file: cannot write \(folder.path): Is a directory"
    // The line is wider than the pane: its rows are joined again.
    try session.waitForScreen("the loss on stderr") { $0.replacingOccurrences(of: "\n", with: "").contains(expected) }
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func devNullTurnsRecoveryOffAndStaysADevice() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let session = try startRecording(environment: [
      "OPTISCOPE_RECOVERY": "/dev/null", "XDG_STATE_HOME": folder.path, "HOME": folder.path,
    ])
    defer { session.kill() }
    #expect(kill(try session.programProcessID(), SIGHUP) == 0)
    #expect(try session.waitForExit() == 128 + SIGHUP)
    try session.waitForScreen(containing: "is lost: recovery is off (OPTISCOPE_RECOVERY=/dev/null)")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no recovery file anywhere")
  }

  @Test func quittingWithoutSavingOnPurposeIsQuiet() throws {
    let session = try startRecording(environment: ["OPTISCOPE_RECOVERY": "off"])
    defer { session.kill() }
    try session.type("q")
    try session.waitForScreen(containing: "q  quit without saving")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
    #expect(!(try session.screen()).contains("is lost"))
  }
}
