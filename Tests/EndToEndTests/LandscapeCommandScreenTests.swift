import Foundation
import Testing

/// python3, which runs the fake function, when the machine has it.
private let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
  ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }
  .first { FileManager.default.isExecutableFile(atPath: $0) }

/// `play --landscape-command`: the heat map of a slow function is sampled
/// in the background, the status line says how far it got, and q quits
/// at once, taking the process with it.
@Suite(.enabled(if: python != nil, "the fake function is a stdlib Python script"))
struct LandscapeCommandScreenTests {
  /// A bowl whose every batch of more than one point takes `delay`
  /// seconds; it writes its pid to `pidfile`.
  static let script = #"""
    import json, os, sys, time
    delay, pidfile = float(sys.argv[1]), sys.argv[2]
    with open(pidfile, "w") as f:
        f.write(str(os.getpid()))
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            print(json.dumps({"type": "hello", "name": "slow-bowl", "dimension": 2,
                              "bounds": [[-2, 2], [-2, 2]]}), flush=True)
        elif message["type"] == "evaluate":
            points = message["points"]
            if len(points) > 1:
                time.sleep(delay)
            print(json.dumps({"type": "values", "values": [x * x + 3 * y * y for x, y in points]}), flush=True)
    """#

  let folder: String

  init() throws {
    folder = "/tmp/os-fn-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Self.script.write(toFile: folder + "/slow.py", atomically: true, encoding: .utf8)
  }

  func play(delay: Double) throws -> TmuxSession {
    let command = "\(python!) \(folder)/slow.py \(delay) \(folder)/pid"
    return try TmuxSession(
      [OptiscopeBinary.path, "play", "--landscape-command", command, "-o", "adam"], width: 100, height: 30,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
  }

  @Test func theMapFillsInWhileTheProgressLineCountsAndHasNoGradientField() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let session = try play(delay: 0.3)
    defer { session.kill() }
    try session.waitForScreen(containing: "sampling slow-bowl …")
    try session.waitForScreen("the whole map", timeout: .seconds(60), colours: true) {
      !$0.contains("sampling slow-bowl") && ScreenReading.showsHeatMap(coloured: $0)
    }
    // Its gradient field would be a request per arrow on the drawing path.
    try session.type("f")
    try session.waitForScreen(containing: "gradient field on, not drawn for an external function")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test func qQuitsWhileASlowBatchIsOut() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let session = try play(delay: 30)
    defer { session.kill() }
    try session.waitForScreen(containing: "sampling slow-bowl … 0 %")
    let pid = try #require(Int32(try String(contentsOfFile: folder + "/pid", encoding: .utf8)))
    let asked = ContinuousClock.now
    try session.type("q")
    #expect(try session.waitForExit(timeout: .seconds(5)) == 0)
    #expect(ContinuousClock.now - asked < .seconds(5), "q waited for the batch")
    let gone = ContinuousClock.now + .seconds(3)
    while Self.isAlive(pid), ContinuousClock.now < gone { usleep(50_000) }
    #expect(!Self.isAlive(pid), "the function's process outlived optiscope")
  }

  /// True while `pid` runs: a zombie (ended, not yet reaped) does not.
  static func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) == 0 }
    return stat.split(separator: ")").last?.split(separator: " ").first != "Z"
  }
}
