import Engine
import Foundation
import Scenes
import Testing

/// `optiscope replay --headless`: checksums recorded and verified, and
/// breakpoints that stop where an independent replay says they should.
@Suite struct ReplayCommandTests {
  /// A scene file with checksums every 10 steps, recorded by the binary.
  func recordedScene(_ files: SceneFiles) throws -> String {
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--record", "--every", "10"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return path
  }

  @Test func aSceneWithoutChecksumsSaysHowToAddThem() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("plain.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--verify"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("no checksums") && outcome.stderr.contains("--record"))
  }

  @Test func aRecordedSceneVerifiesAndKeepsItsComments() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try recordedScene(files)
    let text = try files.read(path)
    #expect(text.contains("# the author's comment, which --record keeps"))
    #expect(text.contains("- optimizer: pso   # the swarm"))
    let scene = try SceneFile.load(path)
    let checksums = try #require(scene.checksums)
    // Steps 10…60 before the reset and 10…80 after, three runs each.
    #expect(checksums.interval == 10 && checksums.entries.count == (6 + 8) * 3)

    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--verify"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "\(path): verified 42 checksums over 80 steps after 1 restart\n")
  }

  /// The scene is version 1, whose `run: 1` is the second run: messages
  /// number runs from 1 whatever the file's version, so it is run 2.
  @Test func anEditedChecksumIsADivergenceWithStepRunExpectedAndGot() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try recordedScene(files)
    let original = try #require(try SceneFile.load(path).checksums?.entries.first { $0.step == 40 && $0.run == 1 })
    let originalLoss = try #require(original.bestLoss)
    let edited = try files.read(path).replacingOccurrences(
      of: "{step: 40, run: 1, best: \(originalLoss),", with: "{step: 40, run: 1, best: 12345,")
    #expect(edited != (try files.read(path)))
    try files.write("annealing.yaml", edited)

    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--verify"])
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    let message = outcome.stderr
    #expect(message.contains("diverged at step 40, run 2"))
    #expect(message.contains("expected best 12345"))
    #expect(message.contains("got best \(originalLoss)"))
    #expect(message.contains("(10 checksums matched before it)"))
  }

  @Test func untilStopsEarlyAndChecksWhatItMet() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try recordedScene(files)
    let loss = try #require(try SceneFile.load(path).checksums?.entries.first { $0.step == 40 && $0.run == 1 }?.bestLoss)
    try files.write(
      "annealing.yaml",
      try files.read(path).replacingOccurrences(of: "{step: 40, run: 1, best: \(loss),", with: "{step: 40, run: 1, best: 1,"))

    let early = try OptiscopeProcess.run(["replay", path, "--headless", "--verify", "--until", "35"])
    #expect(early.status == 0)
    #expect(early.stdout == "\(path): verified 9 checksums up to step 35\n")
    let reaching = try OptiscopeProcess.run(["replay", path, "--headless", "--verify", "--until", "40"])
    #expect(reaching.status == 1)
    #expect(reaching.stderr.contains("diverged at step 40, run 2"))
  }

  @Test func recordingAgainReplacesTheChecksums() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try recordedScene(files)
    let again = try OptiscopeProcess.run(["replay", path, "--headless", "--record", "--every", "20"])
    #expect(again.stdout == "\(path): recorded 21 checksums, one every 20 steps, over 80 steps after 1 restart\n")
    let text = try files.read(path)
    #expect(text.components(separatedBy: "checksums:").count == 2, "one checksums section")
    #expect(text.hasPrefix(SceneFiles.annealing), "everything before the checksums is kept as written")
    #expect(try SceneFile.load(path).checksums?.interval == 20)
  }

  @Test func recordNeverOverwritesAnotherFileWithoutForce() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let other = try files.write("other.yaml", "keep me\n")
    let refused = try OptiscopeProcess.run(["replay", path, "--headless", "--record", "--output", other])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--force"))
    #expect(try files.read(other) == "keep me\n")
    #expect(try files.read(path) == SceneFiles.annealing, "the scene itself is untouched")

    let forced = try OptiscopeProcess.run(["replay", path, "--headless", "--record", "--output", other, "--force"])
    #expect(forced.status == 0)
    #expect(try OptiscopeProcess.run(["replay", other, "--headless", "--verify"]).status == 0)
  }

  // MARK: - Breakpoints

  /// Where an independent replay first meets `condition` after an
  /// iteration, as the binary words it: "step 12" or "step 12 of epoch 1".
  func firstStop(_ scene: Scene, where condition: (Session) -> Bool) throws -> String? {
    var player = try ScenePlayer(scene: scene)
    while true {
      if let next = player.pendingEvents.first, next.step == player.session.step {
        try player.applyDueEvents()
        continue
      }
      guard !player.isAtEnd else { return nil }
      try player.stepForward()
      if condition(player.session) {
        return "step \(player.session.step)" + (player.epoch == 0 ? "" : " of epoch \(player.epoch)")
      }
    }
  }

  /// A run's state after `steps` iterations of the first epoch.
  func run(_ id: Int, of scene: Scene, after steps: Int) throws -> Run {
    var player = try ScenePlayer(scene: scene)
    try player.jump(to: steps)
    return try #require(player.session.run(id))
  }

  func stop(_ path: String, _ conditions: String...) throws -> ProcessOutcome {
    try OptiscopeProcess.run(["replay", path, "--headless"] + conditions.flatMap { ["--break", $0] })
  }
  typealias ProcessOutcome = OptiscopeProcess.Outcome

  @Test func stepStopsAtThatStep() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try stop(path, "step == 37")
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("\(path): stopped at step 37 by 'step == 37'\n"))
    // Each run's best follows, one line per run.
    for name in ["simulated-annealing", "pso", "adam"] { #expect(outcome.stdout.contains(name)) }
  }

  @Test func bestStopsAtTheFirstStepWhereAnyRunDropsBelow() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let scene = try SceneFile.load(path)
    let threshold = try #require(try run(1, of: scene, after: 15).best?.loss)
    let expected = try #require(
      try firstStop(scene) { session in session.runs.contains { ($0.best?.loss ?? .infinity) < threshold } })
    let outcome = try stop(path, "best < \(threshold)")
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("\(path): stopped at \(expected) by 'best < \(threshold)'\n"))
  }

  @Test func runBestWatchesThatRunOnly() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let scene = try SceneFile.load(path)
    // Just above the annealer's best after 40 steps: the swarm gets there
    // much sooner.
    let threshold = try #require(try run(0, of: scene, after: 40).best?.loss).nextUp
    let annealer = try #require(try firstStop(scene) { ($0.run(0)?.best?.loss ?? .infinity) < threshold })
    let anyRun = try #require(
      try firstStop(scene) { session in session.runs.contains { ($0.best?.loss ?? .infinity) < threshold } })
    #expect(annealer != anyRun, "the test needs another run to get there first")

    let outcome = try stop(path, "run 1 best < \(threshold)")
    #expect(outcome.stdout.hasPrefix("\(path): stopped at \(annealer) by 'run 1 best < \(threshold)'\n"))
    let any = try stop(path, "best < \(threshold)")
    #expect(any.stdout.hasPrefix("\(path): stopped at \(anyRun) by 'best < \(threshold)'\n"))
  }

  @Test func anEventStopsAtTheFirstRejection() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let scene = try SceneFile.load(path)
    let expected = try #require(
      try firstStop(scene) { session in session.runs.contains { $0.lastEvents.contains { $0.kind == .reject } } })
    let outcome = try stop(path, "event == reject")
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("\(path): stopped at \(expected) by 'event == reject'\n"))
  }

  @Test func aReadoutStopsWhenTheTemperatureFalls() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let scene = try SceneFile.load(path)
    func temperature(_ run: Run?) -> Double? {
      run?.optimizer.inspect().readouts.first { $0.name == "temperature" }?.value
    }
    let threshold = try #require(temperature(try run(0, of: scene, after: 25)))
    let expected = try #require(try firstStop(scene) { (temperature($0.run(0)) ?? .infinity) < threshold })
    let outcome = try stop(path, "temperature < \(threshold)")
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("\(path): stopped at \(expected) by 'temperature < \(threshold)'\n"))
    #expect(outcome.stdout.contains("temperature"), "the table shows the readout's value")
  }

  @Test func severalConditionsStopAtTheFirstThatHolds() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try stop(path, "step == 50", "step == 12")
    #expect(outcome.stdout.hasPrefix("\(path): stopped at step 12 by 'step == 12'\n"))
  }

  @Test func aConditionThatNeverHoldsSaysSo() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try stop(path, "step == 1000")
    #expect(outcome.status == 1)
    #expect(outcome.stdout.hasPrefix("\(path): no breakpoint held by the end, step 80 of epoch 1\n"))
  }
}
