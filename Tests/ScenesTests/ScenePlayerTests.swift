import Engine
import OptimizerCore
import Scenes
import Testing

@Suite("Playing and recording a scene")
struct ScenePlayerTests {
  /// Best losses of every run, bit for bit.
  func fingerprint(_ session: Session) -> [UInt64] {
    session.runs.flatMap { [UInt64($0.id), ($0.best?.loss ?? .nan).bitPattern] + ($0.best?.position.components ?? []).map(\.bitPattern) }
  }

  @Test("playing a scene applies each event at its step, before that step's iteration")
  func eventsAtTheirStep() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent)
    while player.session.step < 3 { try player.stepForward() }
    #expect(player.applied == 0)
    try player.stepForward()
    #expect(player.applied == 1)
    #expect(player.lastApplied.map(\.step) == [3])
    #expect(player.session.step == 4)
    #expect(player.session.run(0)?.optimizer.hyperparameters["lr"] == 0.05)
  }

  @Test("play to the end reaches the last epoch's last step with every event applied")
  func playToEnd() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent)
    try player.playToEnd()
    #expect(player.isAtEnd)
    #expect(player.applied == SampleScenes.everyEvent.events.count)
    #expect(player.epoch == 3)
    #expect(player.session.step == 40)
  }

  @Test("recording live changes and replaying the recording give the same session")
  func recordThenReplay() throws {
    var scene = SampleScenes.everyEvent
    scene.events = []
    var live = try ScenePlayer(scene: scene, recording: true, historyDepth: 100)
    for _ in 0..<5 { try live.stepForward() }
    try live.record(.setHyperparameter(run: 0, name: "lr", value: 0.1))
    for _ in 0..<5 { try live.stepForward() }
    try live.record(.addRun(RunSetup(OptimizerConfiguration("cma-es"))))
    try live.record(.reset(seed: 5))
    for _ in 0..<7 { try live.stepForward() }
    let recording = live.recording
    #expect(recording.events.map(\.step) == [5, 10, 10])
    #expect(recording.steps == 7)
    var replay = try ScenePlayer(scene: recording)
    try replay.playToEnd()
    #expect(fingerprint(replay.session) == fingerprint(live.session))
    #expect(try SceneChecksums.verify(SceneChecksums.recorded(for: recording)).passed)
  }

  @Test("stepping back over an event undoes it; stepping forward applies it again")
  func stepBackOverEvent() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent, historyDepth: 100)
    for _ in 0..<4 { try player.stepForward() }
    let after = fingerprint(player.session)
    #expect(player.applied == 1)
    let undidIteration = player.stepBack()  // the iteration 3 → 4
    let undidEvent = player.stepBack()  // the event at step 3
    #expect(undidIteration == .iteration)
    #expect(undidEvent == .event(SampleScenes.everyEvent.events[0]))
    #expect(player.applied == 0)
    #expect(player.session.run(0)?.optimizer.hyperparameters["lr"] == 0.02)
    try player.stepForward()
    #expect(player.applied == 1)
    #expect(fingerprint(player.session) == after)
  }

  @Test("stepping back undoes recorded changes and steps in turn, each restart's epoch with it")
  func stepBackOverRecordedChanges() throws {
    var scene = SampleScenes.everyEvent
    scene.events = []
    var player = try ScenePlayer(scene: scene, recording: true, historyDepth: 100)
    func back() -> Bool { player.stepBack() != nil }
    try player.stepForward()
    try player.record(.setNoise(0.1))
    try player.record(.setLandscape(.named("himmelblau")))
    try player.stepForward()
    #expect((player.applied, player.epoch, player.session.step) == (2, 1, 1))
    #expect(back())  // the iteration after the landscape change
    #expect((player.applied, player.epoch, player.session.step) == (2, 1, 0))
    #expect(back())  // the landscape change
    #expect((player.applied, player.epoch, player.session.step) == (1, 0, 1))
    #expect(player.session.landscape.name == "rosenbrock")
    #expect(back())  // the noise
    #expect((player.applied, player.session.noise) == (0, 0))
    #expect(back())  // the first iteration
    #expect(!back())
    #expect((player.applied, player.session.step) == (0, 0))
  }

  @Test("a shallow history forgets its oldest entries, events among them, and undoes only what it kept")
  func shallowHistory() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent, historyDepth: 2)
    func back() -> Bool { player.stepBack() != nil }
    for _ in 0..<4 { try player.stepForward() }  // the event at step 3, then the iteration 3 → 4
    #expect(back() && back())
    #expect((player.applied, player.session.step) == (0, 3))
    #expect(!back())
    for _ in 0..<2 { try player.stepForward() }  // the event again, then two iterations: the event is forgotten
    #expect(back() && back())
    #expect((player.applied, player.session.step) == (1, 3))
    #expect(!back())
  }

  @Test("a reset cannot be undone, nor anything before it")
  func resetEndsTheUndo() throws {
    var scene = SampleScenes.everyEvent
    scene.events = []
    var player = try ScenePlayer(scene: scene, recording: true, historyDepth: 100)
    func back() -> Bool { player.stepBack() != nil }
    for _ in 0..<3 { try player.stepForward() }
    try player.record(.reset(seed: 4))
    try player.stepForward()
    #expect(back())
    #expect(!back())
    #expect((player.applied, player.epoch, player.session.step) == (1, 1, 0))
  }

  @Test("a live change after stepping back forks: the events still waiting are dropped")
  func liveChangeForks() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent, historyDepth: 100)
    for _ in 0..<10 { try player.stepForward() }
    #expect(player.applied == 4)
    for _ in 0..<6 { player.stepBack() }
    #expect(player.session.step == 6)
    #expect(player.applied == 2)
    try player.record(.setNoise(0.5))
    #expect(player.isRecording)
    #expect(player.pendingEvents.isEmpty)
    #expect(player.recording.events.count == 3)
    #expect(player.recording.events.last == SceneEvent(step: 6, .setNoise(0.5)))
  }

  @Test("jumping back past the history replays from the start to the same state")
  func jumpBeyondHistory() throws {
    var shallow = try ScenePlayer(scene: SampleScenes.everyEvent, historyDepth: 3)
    var reference = try ScenePlayer(scene: SampleScenes.everyEvent)
    for _ in 0..<18 { try shallow.stepForward() }
    try shallow.jump(to: 7)
    while reference.session.step < 7 { try reference.stepForward() }
    try reference.applyDueEvents()
    #expect(shallow.session.step == 7)
    #expect(shallow.applied == reference.applied)
    #expect(fingerprint(shallow.session) == fingerprint(reference.session))
    try shallow.jump(to: 12)
    #expect(shallow.session.step == 12)
  }

  @Test("an untouched replay saves as the scene itself")
  func untouchedReplaySavesWhole() throws {
    var player = try ScenePlayer(scene: SampleScenes.everyEvent)
    for _ in 0..<5 { try player.stepForward() }
    #expect(!player.isRecording)
    #expect(player.recording == SampleScenes.everyEvent)
  }
}

@Suite("Comparing a recording with a saved one")
struct RecordingMatchesTests {
  @Test("matches what was saved, not after a step or an event, and again after undoing them")
  func matchesSaved() throws {
    var scene = SampleScenes.everyEvent
    scene.events = []
    var player = try ScenePlayer(scene: scene, recording: true, historyDepth: 10)
    for _ in 0..<3 { try player.stepForward() }
    let saved = player.recording
    #expect(player.recordingMatches(saved))
    try player.stepForward()
    #expect(!player.recordingMatches(saved))
    player.stepBack()
    #expect(player.recordingMatches(saved))
    try player.record(.setNoise(0.2))
    #expect(!player.recordingMatches(saved))
    #expect(player.recordingMatches(player.recording))
    player.stepBack()
    #expect(player.recordingMatches(saved) == (player.recording == saved))
  }
}
