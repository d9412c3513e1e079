import Foundation

/// A scripted optimizer process for the tests: stdlib Python that speaks
/// docs/PROTOCOL.md well (a seeded random search) or breaks it in the way
/// its mode names.
enum FakeOptimizer {
  /// The script, written once into a temporary folder.
  static let path: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-fake-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("fake_optimizer.py")
    try? script.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }()

  /// The command that runs it in `mode`.
  static func command(_ mode: String) -> String { "python3 \(path) \(mode)" }

  static let script = #"""
    import json, os, random, sys, time
    mode = sys.argv[1]
    def send(message):
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()
    hello = json.loads(sys.stdin.readline())
    print("fake optimizer in mode " + mode, file=sys.stderr, flush=True)
    seed = hello["seed"] if mode != "unseeded" else int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    sigma = hello["settings"].get("sigma", 0.1)
    best = list(hello["start"][0])
    best_f = None
    spec = {"name": "sigma", "default": 0.1, "range": [0.001, 1], "scale": "log", "help": "spread"}
    if mode == "badspec":
        spec["default"] = 5
    send({"type": "hello", "name": "fake-" + mode, "hyperparameters": [spec]})
    if mode == "hello":
        print(json.dumps(hello), file=sys.stderr, flush=True)
    for line in sys.stdin:
        message = json.loads(line)
        kind = message["type"]
        if kind == "end":
            break
        if kind == "set":
            if mode == "refuse" and message["value"] > 0.5:
                send({"type": "refused", "message": "sigma above 0.5 is too wide"})
            else:
                sigma = message["value"]
                send({"type": "ok"})
            continue
        if kind == "reset":
            best, best_f = list(message["start"][0]), None
            rng = random.Random(message["seed"])
            send({"type": "ok"})
            continue
        if kind != "step":
            continue
        step = message["step"]
        if mode == "exit" and step == 2:
            print("giving up at step 2", file=sys.stderr, flush=True)
            sys.exit(3)
        if mode == "sleep" and step == 2:
            time.sleep(30)
        if mode == "junk" and step == 2:
            sys.stdout.write("x" * (9 << 20))
            sys.stdout.flush()
            time.sleep(30)
        if mode == "malformed" and step == 2:
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
            continue
        if mode == "unknown" and step == 2:
            send({"type": "evaluat", "points": [best]})
            continue
        if mode == "error" and step == 2:
            send({"type": "error", "message": "the model diverged"})
            continue
        widths = [b[1] - b[0] for b in hello["bounds"]]
        points = [[x + rng.gauss(0, sigma * w) for x, w in zip(best, widths)] for _ in range(4)]
        if mode == "wrongtype" and step == 2:
            points[1] = points[1] + [0.5]
        request = {"type": "evaluate", "points": points}
        if mode == "gradients":
            request["gradients"] = True
        send(request)
        answer = json.loads(sys.stdin.readline())
        if mode == "gradients":
            print("gradients " + json.dumps(answer["gradients"][0]), file=sys.stderr, flush=True)
        for point, value in zip(answer["points"], answer["values"]):
            if value is not None and (best_f is None or value < best_f):
                best, best_f = point, value
        done = {"type": "done", "particles": [best], "losses": [best_f], "readouts": {"sigma": sigma},
                "overlays": [{"role": "mean", "at": best}]}
        if mode == "missing" and step == 2:
            del done["particles"]
        send(done)
    """#
}
