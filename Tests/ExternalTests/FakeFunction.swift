import Foundation

/// A function process for the tests: a stdlib Python script written into a
/// temporary folder, whose behaviour its argument picks. `good` is
/// f = (x − 1)² + (y + 2)² with its gradient; `batch` answers each point
/// with the size of the request it came in; `counter` with the number of
/// its request, a fifth of a second after it came; the others break the protocol
/// at their first `evaluate` in the way their name says.
enum FakeFunction {
  static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
    .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  static var hasPython: Bool { python != nil }

  static let script = #"""
    import json, sys, time
    mode = sys.argv[1]
    gradient = mode in ("good", "gradient")
    requests = 0
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            if mode == "no-bounds":
                print(json.dumps({"type": "hello", "name": "fake", "dimension": 2}), flush=True)
                continue
            dimension = message["dimension"] or 2
            hello = {"type": "hello", "name": "fake " + mode, "dimension": dimension,
                     "bounds": [[-3, 3]] * dimension, "gradient": gradient}
            if dimension == 2:
                hello["minimum"] = {"value": 0, "at": [[1, -2]]}
                hello["axes"] = ["w", "b"]
            print(json.dumps(hello), flush=True)
        elif message["type"] == "evaluate":
            points = message["points"]
            requests += 1
            if mode == "malformed":
                print("oops{", flush=True)
            elif mode == "missing":
                print(json.dumps({"type": "values"}), flush=True)
            elif mode == "wrong-type":
                print(json.dumps({"type": "values", "values": "abc"}), flush=True)
            elif mode == "slow":
                time.sleep(30)
            elif mode == "exits":
                print("giving up", file=sys.stderr, flush=True)
                sys.exit(3)
            elif mode == "junk":
                sys.stdout.write("x" * (9 << 20))
                sys.stdout.flush()
                time.sleep(30)
            elif mode == "counter":
                time.sleep(0.2)
                print(json.dumps({"type": "values", "values": [requests] * len(points)}), flush=True)
            elif mode == "batch":
                print(json.dumps({"type": "values", "values": [len(points)] * len(points)}), flush=True)
            else:
                answer = {"type": "values", "values": [(p[0] - 1) ** 2 + (p[1] + 2) ** 2 for p in points]}
                if message.get("gradients"):
                    answer["gradients"] = [[2 * (p[0] - 1), 2 * (p[1] + 2)] for p in points]
                print(json.dumps(answer), flush=True)
        elif message["type"] == "end":
            break
    """#

  /// The script's path, written once.
  static let path: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-fake-function-\(ProcessInfo.processInfo.processIdentifier).py")
    try? script.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }()

  /// The command that runs the fake in `mode`.
  static func command(_ mode: String) -> String { "\(python ?? "python3") \(path) \(mode)" }
}
