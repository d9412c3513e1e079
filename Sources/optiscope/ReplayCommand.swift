import ArgumentParser
import Engine
import External
import Foundation
import OptimizerCore
import Scenes

/// `optiscope replay`: a scene in the visualizer, or headless to verify its
/// checksums, stop at a breakpoint or record fresh checksums.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a scene: in the visualizer, or headless to verify it, stop at a breakpoint or record checksums.",
    discussion: """
      SCENE is a scene file (docs/SCENES.md) or the name of a curated scene
      ('optiscope scenes' lists them). The replay is the original run, bit
      for bit: everything in it is seeded.

      In the visualizer the scene plays from step 0: pause, step forward and
      back, jump to a step with g; any live change forks a new recording.

      Headless, give one of:
        --verify        replay and compare every checksum the scene carries;
                        --until N stops when the step first reaches N
        --break COND    replay until a condition holds, then print the step,
                        the condition and each run's best
        --record        replay and write the scene back with fresh checksums
                        (comments and layout kept); --output writes elsewhere

      Conditions (--break, repeatable; checked after every iteration and
      after the events of a step):
        step == 120   best < 1e-3   run 2 best < 1e-3   event == reject
        temperature < 0.01   run 0 order >= 3
      Events: \(StepEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")).
      Readouts by name or symbol, as the visualizer's run panel shows them.
      'COND then substeps' also takes the next step apart where the
      visualizer stops (headless replays ignore it).

      While you record in the visualizer, a recovery copy of the scene is
      kept in $OPTISCOPE_RECOVERY, else $XDG_STATE_HOME/optiscope/
      recovery.yaml, else ~/.local/state/optiscope/recovery.yaml; after a
      crash or a kill, 'optiscope replay FILE' opens it like any scene. A
      copy found at start is set aside as recovery-YYYYMMDD-HHMMSS.yaml.
      OPTISCOPE_RECOVERY=off (or /dev/null) keeps none.

      Exit status: 0 verified, stopped at a breakpoint or recorded; 1 the
      replay diverged from its checksums, or no breakpoint held by the end;
      2 the scene could not be read or played; 64 a wrong command line (an
      unknown name, a --break that cannot hold in the scene).

      Examples:
        optiscope replay tour
        optiscope replay tour --break "best < 1e-3" --paused
        optiscope replay tour --headless --verify
        optiscope replay my.yaml --headless --verify --until 200
        optiscope replay my.yaml --headless --break "temperature < 0.01"
        optiscope replay my.yaml --headless --record
      """)

  @Argument(help: "A scene file, or a curated scene's name.")
  var scene: String

  @Flag(help: "Replay without a terminal (with --verify, --break or --record).")
  var headless = false

  @Flag(help: "Headless: check the scene's checksums.")
  var verify = false

  @Option(parsing: .unconditional, help: ArgumentHelp("With --verify: stop when the step first reaches N; check the checksums met by then.", valueName: "N"))
  var until: Int?

  @Option(name: .customLong("break"), help: ArgumentHelp("Stop at the first step where COND holds; repeatable.", valueName: "COND"))
  var conditions: [String] = []

  @Flag(help: "Visualizer: open paused at step 0.")
  var paused = false

  @Flag(help: "Headless: write the scene back with fresh checksums.")
  var record = false

  @Option(parsing: .unconditional, help: ArgumentHelp("With --record: a checksum every K steps (default: about ten over the scene).", valueName: "K"))
  var every: Int?

  @Option(help: ArgumentHelp("With --record: write to this file (- is stdout) instead of SCENE.", valueName: "file"))
  var output: String?

  @Flag(help: "With --record: overwrite the --output file if it exists, or a read-only file.")
  var force = false

  /// Exit status of a replay that diverged, or of breakpoints that never held.
  static let notFoundStatus: Int32 = 1

  func validate() throws {
    if !headless {
      for (given, flag) in [(verify, "--verify"), (record, "--record")] where given {
        throw ValidationError("\(flag) replays without a terminal: add --headless")
      }
    } else {
      if paused { throw ValidationError("--paused is for the visualizer; drop it or --headless") }
      let modes = [(verify, "--verify"), (!conditions.isEmpty, "--break"), (record, "--record")].filter(\.0).map(\.1)
      if modes.isEmpty { throw ValidationError("--headless needs --verify, --break or --record (for numbers, 'optiscope run SCENE')") }
      if modes.count > 1 { throw ValidationError("give one of \(modes.joined(separator: ", ")), not several") }
    }
    if let until {
      guard verify else { throw ValidationError("--until goes with --verify") }
      try requireCount(until, "--until", in: 0...Limits.steps)
    }
    for (given, flag) in [(every != nil, "--every"), (output != nil, "--output"), (force, "--force")] where given && !record {
      throw ValidationError("\(flag) goes with --record")
    }
    try requireCount(every, "--every", in: 1...Limits.steps)
  }

  func run() throws {
    let loaded = try LoadedScene(scene)
    let breakpoints = try parseBreakpoints(conditions, in: loaded.scene)
    guard headless else {
      try openVisualizer(replaying: loaded, breakpoints: breakpoints, paused: paused)
      return
    }
    do {
      if verify {
        try verifyChecksums(loaded)
      } else if record {
        try recordChecksums(loaded)
      } else {
        try findBreakpoint(breakpoints, in: loaded)
      }
    } catch let error as SceneError {
      throw CommandLineError.failure("\(loaded.label): \(error)")
    }
  }

  // MARK: - Headless

  private func verifyChecksums(_ loaded: LoadedScene) throws {
    guard loaded.scene.checksums != nil else {
      throw CommandLineError.failure(
        "\(loaded.label) has no checksums to verify; add them with 'optiscope replay \(loaded.label) --headless --record'")
    }
    let verification = try SceneChecksums.verify(loaded.scene, until: until)
    let count = "\(verification.checked) checksum\(verification.checked == 1 ? "" : "s")"
    if let divergence = verification.divergence {
      printError("\(loaded.label): the replay \(divergence) (\(count) matched before it)")
      throw ExitCode(Self.notFoundStatus)
    }
    try StandardOutput.write("\(loaded.label): verified \(count) \(until.map { "up to step \($0)" } ?? "over \(Self.length(of: loaded.scene))")")
  }

  /// The scene with a tape for each of its external optimizers: played
  /// once with their processes running where its tapes do not reach
  /// (docs/PROTOCOL.md), so that the checksums, taken from the tapes alone,
  /// are what the processes did. A scene without one is returned as it is.
  static func taped(_ scene: Scene) throws -> Scene {
    let commands = scene.runs.map(\.configuration.kind) + scene.events.compactMap { event -> OptimizerKind? in
      switch event.command {
      case .swapOptimizer(_, let configuration): return configuration.kind
      case .addRun(let setup): return setup.configuration.kind
      default: return nil
      }
    }
    guard commands.contains(where: { $0.command != nil }) else { return scene }
    var player = try ScenePlayer(
      scene: scene, logsProbes: false, keepsTraces: false, external: .live(stepTimeout: ExternalTapes.defaultStepTimeout))
    try player.playToEnd()
    defer { player.session.externalTapes.endAll() }
    try RunCommand.refuseFailed(player.session)
    var taped = scene
    taped.external = Dictionary(uniqueKeysWithValues: player.session.externalTapes.usedTapes.map { ($0.key, $0.tape) })
    return taped
  }

  private func recordChecksums(_ loaded: LoadedScene) throws {
    guard let target = output ?? loaded.source.path else {
      throw CommandLineError(
        "\(loaded.label) is built into optiscope and cannot be rewritten; record into a file with --output FILE")
    }
    if let output, output != "-", !force, case .file = FileOutput.target(at: output),
      !(loaded.source.path.map { Self.isSameFile(output, $0) } ?? false)
    {
      throw CommandLineError.failure("\(output) exists; add --force to overwrite it")
    }
    let recorded = try SceneChecksums.recorded(for: try Self.taped(loaded.scene), interval: every)
    let original: String
    do { original = try loaded.source.read() } catch { throw CommandLineError(error.description) }
    let spliced = ChecksumsSection.replacing(in: original, with: recorded)
    var text = spliced
    if (try? SceneReader.read(spliced)) != recorded {
      // The file's layout defeated the splice: write the scene whole.
      text = SceneWriter.write(recorded)
      printNote("note: \(target) is rewritten whole; its comments are not kept")
    }
    try writeAtomically(text, to: target, force: force)
    let checksums = recorded.checksums!
    let summary =
      "\(target): recorded \(checksums.entries.count) checksums, one every \(checksums.interval) steps, over \(Self.length(of: recorded))"
    // With `--output -` the scene is stdout.
    if target == "-" { printNote(summary) } else { try StandardOutput.write(summary) }
  }

  private func findBreakpoint(_ breakpoints: [Breakpoint], in loaded: LoadedScene) throws {
    var readouts: [String] = []
    for case .readout(let name) in breakpoints.map(\.subject) where !readouts.contains(name) { readouts.append(name) }
    var player = try ScenePlayer(scene: loaded.scene, logsProbes: false, keepsTraces: false)
    // After events too, so that `event == swap` can stop the replay.
    while try player.advance() != nil {
      let hits = breakpoints.filter { $0.isHit(by: player.session) }
      guard !hits.isEmpty else { continue }
      let conditions = hits.map { "'\($0)'" }.joined(separator: " and ")
      try StandardOutput.write("\(loaded.label): stopped at step \(player.session.step)\(Self.epoch(player)) by \(conditions)")
      try StandardOutput.write(Self.bests(player.session, readouts: readouts))
      return
    }
    try StandardOutput.write("\(loaded.label): no breakpoint held by the end, step \(player.session.step)\(Self.epoch(player))")
    try StandardOutput.write(Self.bests(player.session, readouts: readouts))
    throw ExitCode(Self.notFoundStatus)
  }

  // MARK: - Reports

  /// "300 steps", or "300 steps after 2 restarts" when resets or landscape
  /// changes started the count again.
  static func length(of scene: Scene) -> String {
    let restarts = scene.events.filter(\.restartsClock).count
    return "\(scene.steps) steps" + (restarts == 0 ? "" : " after \(restarts) restart\(restarts == 1 ? "" : "s")")
  }

  static func epoch(_ player: ScenePlayer) -> String { player.epoch == 0 ? "" : " of epoch \(player.epoch)" }

  /// Each run's best so far, one line per run, and the value of each
  /// readout named in `readouts` (– for a run without it).
  static func bests(_ session: Session, readouts: [String] = []) -> String {
    var table = TextTable(["run", "optimizer", "steps", "evaluations", "best loss", "best point"] + readouts)
    for run in session.runs {
      let shown = run.optimizer.inspect().readouts
      table.append(
        [
          String(run.number), run.configuration.kind.displayName, String(run.steps), String(run.evaluations),
          run.shownBestLoss.map { formatNumber($0, significantDigits: 10) } ?? "–",
          run.best.map { $0.position.description } ?? "–",
        ]
          + readouts.map { name in
            shown.first { $0.name == name || $0.symbol == name }.map { formatNumber($0.value) } ?? "–"
          })
    }
    return table.rendered()
  }

  private static func isSameFile(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath()
      == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
  }
}
