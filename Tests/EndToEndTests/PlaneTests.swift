import Foundation
import Scenes
import Testing

/// A ten-dimensional run in the real program: the map is a plane through
/// the run's best, the plane keys change it and say so on the status line,
/// and a saved scene keeps it.
@Suite(.serialized)
struct PlaneTests {
  @Test func theKeysChooseThePlaneOfATenDimensionalRunAndASaveKeepsIt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-plane-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.path + "/plane.yaml"
    let session = try TmuxSession(
      [OptiscopeBinary.path, "play", "-l", "rastrigin", "--dim", "10", "-o", "cma-es", "--seed", "5", "--paused"],
      width: 150, height: 45, environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.closeCaption()
    let opened = try session.screen()
    #expect(ScreenReading.rows(of: opened).first?.contains("Rastrigin  plane x1,x2 through run 1's best  x1 ∈ [") == true, "\(opened)")
    try session.type(".....")
    try session.waitForScreen("five steps") { ScreenReading.sessionStep(in: $0) == 5 }

    func status(_ screen: String) -> String { String(ScreenReading.rows(of: screen).last ?? "") }
    try session.type(">")
    let moved = try session.waitForScreen(containing: "plane x3,x2 through run 1's best")
    #expect(status(moved).contains("plane x3,x2 through run 1's best"), "\(status(moved))")
    #expect(ScreenReading.rows(of: moved).first?.contains("x3 ∈ [") == true)
    try session.type("}")
    try session.waitForScreen(containing: "plane x3,x4 through run 1's best")
    try session.type("P")
    // The header says it first; the status line follows within the frame.
    let principal = try session.waitForScreen("the principal plane's status") {
      status($0).contains("principal plane of run 1's last 6 steps through run 1's best, ")
        && status($0).contains("% of their variance off-plane")
    }
    #expect(ScreenReading.rows(of: principal).first?.contains("principal") == true, "\(principal)")
    try session.type("P")
    let random = try session.waitForScreen(containing: "random plane (seed 1) through run 1's best")
    #expect(ScreenReading.rows(of: random).first?.contains("u ∈ [") == true, "a rotated plane's axes are u and v")
    try session.type("O")
    try session.waitForScreen(containing: "random plane (seed 1) through the leader, run 1's best")
    try session.type("O")
    try session.waitForScreen(containing: "random plane (seed 1) through the fixed point (")
    try session.type("i")
    // The run panel says "off plane" too: wait for the inspector itself.
    let inspector = try session.waitForScreen(containing: "inspect 1 cma-es · particle 1/10")
    #expect(ScreenReading.rows(of: inspector).contains { $0.contains("│off plane ") }, "\(inspector)")

    try session.type("s")
    try session.press("C-u")
    try session.type(path)
    try session.press("Enter")
    try session.waitForScreen(containing: "saved \(path)")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("  plane: {basis: random, axes: [3, 4], seed: 1, through: ["), "\(text)")
    #expect(try SceneFile.load(path).steps == 5)
  }
}
