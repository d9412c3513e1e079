import Rendering

/// What the terminal layer costs per frame: the bytes sent to the terminal
/// and the time to present a frame, measured on a file-backed ncurses
/// screen (the same output a terminal gets) with synthetic frames.
///
/// Goals: at 120×40, under 2 KB a frame when only particles move and under
/// 40 KB when the whole map changes; presenting a 200×60 frame with 1000
/// particles inside the 5 ms a whole frame may take (rendering included,
/// which the visualizer's own benchmark measures), and with our own writer
/// under 2 ms in no more bytes than ncurses (`present/…` beside each other).
public enum TerminalBenchmark {
  /// One measured workload.
  public struct Result: Sendable, CustomStringConvertible {
    public var name: String
    public var summary: String
    public var frames: Int
    public var meanBytesPerFrame: Double
    public var maxBytesPerFrame: Int
    public var medianMilliseconds: Double
    public var bestMilliseconds: Double
    /// The goal, on bytes per frame (mean) or on milliseconds (median).
    public var goal: Goal

    public enum Goal: Sendable {
      case bytesPerFrame(Int)
      case milliseconds(Double)
    }

    public var meetsGoal: Bool {
      switch goal {
      case .bytesPerFrame(let limit): return meanBytesPerFrame < Double(limit)
      case .milliseconds(let limit): return medianMilliseconds < limit
      }
    }

    public var description: String {
      let goalText: String
      switch goal {
      case .bytesPerFrame(let limit): goalText = "goal < \(limit / 1024) KB"
      case .milliseconds(let limit): goalText = "goal < \(limit) ms"
      }
      let kilobytes = (meanBytesPerFrame / 1024 * 100).rounded() / 100
      func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
      return "\(name): \(kilobytes) KB/frame mean (max \(maxBytesPerFrame) B), present median "
        + "\(rounded(medianMilliseconds)) ms, best \(rounded(bestMilliseconds)) ms (\(goalText)) — \(summary)"
    }
  }

  /// The terminals measured: a fixed 256-colour palette, and near-exact colours
  /// through a redefinable one.
  static let terminals = [("tmux-256color", "256 colours"), ("xterm-256color", "near-exact colours by a redefined palette")]

  /// Runs every workload on each terminal; `progress` is told each
  /// workload's name before it runs.
  public static func run(frames: Int = 60, progress: (String) -> Void = { _ in }) throws -> [Result] {
    var results: [Result] = []
    for (term, label) in terminals {
      progress("particles-120x40 (\(term))")
      results.append(
        try measure(
          name: "particles-120x40 (\(term))", summary: "30 particles move one cell, the step counter changes; \(label)",
          term: term, scene: BenchmarkScene(width: 120, height: 40, particleCount: 30), frames: frames,
          mapShift: { _ in 0 }, goal: .bytesPerFrame(2048)))
      progress("map-120x40 (\(term))")
      results.append(
        try measure(
          name: "map-120x40 (\(term))", summary: "the whole map pans by a third of a cell; \(label)",
          term: term, scene: BenchmarkScene(width: 120, height: 40, particleCount: 30), frames: frames,
          mapShift: { Double($0) / 3 }, goal: .bytesPerFrame(40 * 1024)))
      progress("particles-200x60 (\(term))")
      results.append(
        try measure(
          name: "particles-200x60 (\(term))", summary: "1000 particles move one cell; \(label)",
          term: term, scene: BenchmarkScene(width: 200, height: 60, particleCount: 1000), frames: frames,
          mapShift: { _ in 0 }, goal: .milliseconds(5)))
    }
    for writer in FrameWriterChoice.allCases {
      let name = "present/200x60/1000-particles/\(writer == .own ? "own-writer" : "ncurses")"
      progress(name)
      results.append(
        try measure(
          name: name, summary: "1000 particles move one cell; 256 colours (tmux-256color), the \(writer) writer",
          term: "tmux-256color", scene: BenchmarkScene(width: 200, height: 60, particleCount: 1000), frames: frames,
          mapShift: { _ in 0 }, goal: .milliseconds(2), writer: writer))
    }
    return results
  }

  /// Presents a first frame, then `frames` more, and measures the later ones.
  static func measure(
    name: String, summary: String, term: String, scene: BenchmarkScene, frames: Int,
    mapShift: (Int) -> Double, goal: Result.Goal, writer: FrameWriterChoice = .ncurses
  ) throws -> Result {
    let grids = (0...max(frames, 1)).map { scene.frame(step: $0, mapShift: mapShift($0)) }
    let screen = try CursesScreen.virtual(term: term, width: scene.width, height: scene.height)
    defer { screen.close() }
    var presenter: any FramePresenting = FramePresenter(screen: screen)
    if writer == .own, let own = FrameWriter(screen: screen) { presenter = own }
    presenter.present(grids[0], on: screen)
    let clock = ContinuousClock()
    var bytes: [Int] = [], times: [Double] = []
    for grid in grids.dropFirst() {
      let before = screen.bytesWritten
      let start = clock.now
      presenter.present(grid, on: screen)
      let elapsed = clock.now - start
      bytes.append(screen.bytesWritten - before)
      times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    times.sort()
    return Result(
      name: name, summary: summary, frames: bytes.count,
      meanBytesPerFrame: Double(bytes.reduce(0, +)) / Double(bytes.count), maxBytesPerFrame: bytes.max() ?? 0,
      medianMilliseconds: times[times.count / 2], bestMilliseconds: times[0], goal: goal)
  }
}
