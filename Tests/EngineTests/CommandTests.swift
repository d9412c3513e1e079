import Engine
import OptimizerCore
import Testing

/// Live commands: set, swap, add, remove, move, drop, landscape, noise, reset.
@Suite struct CommandTests {
  func session(_ optimizers: [String] = ["adam"], landscape: String = "rosenbrock") throws -> Session {
    try Session(
      landscape: .named(landscape), runs: optimizers.map { RunSetup(OptimizerConfiguration($0)) }, seed: 11)
  }

  @Test func settingAHyperparameterKeepsTheParticles() throws {
    var session = try session()
    for _ in 0..<5 { session.stepForward() }
    let before = fingerprint(session.runs[0].optimizer.particles)
    try session.apply(.setHyperparameter(run: 0, name: "lr", value: 0.001))
    #expect(fingerprint(session.runs[0].optimizer.particles) == before)
    #expect(session.runs[0].setup.configuration.settings.contains { $0.name == "lr" && $0.value == 0.001 })
  }

  @Test func anOutOfRangeValueIsRefusedWithItsRange() throws {
    var session = try session()
    #expect {
      try session.apply(.setHyperparameter(run: 0, name: "lr", value: -1))
    } throws: { error in
      "\(error)".contains("valid range")
    }
  }

  @Test func swappingKeepsThePositions() throws {
    var session = try session(["pso"])
    for _ in 0..<5 { session.stepForward() }
    let positions = session.runs[0].optimizer.particles.map(\.position)
    try session.apply(.swapOptimizer(run: 0, OptimizerConfiguration("simulated-annealing")))
    #expect(session.runs[0].optimizer.kind.name == "simulated-annealing")
    #expect(positions.contains(session.runs[0].optimizer.particles[0].position))
    #expect(session.runs[0].lastEvents.map(\.kind) == [.swap])
    let annealed = session.runs[0].optimizer.particles[0].position
    try session.apply(.swapOptimizer(run: 0, OptimizerConfiguration("pso")))
    #expect(session.runs[0].optimizer.particles[0].position == annealed)
    #expect(session.runs[0].optimizer.particles.count == 20)
  }

  @Test func runsAreAddedAndRemovedByID() throws {
    var session = try session(["adam", "pso"])
    try session.apply(.addRun(RunSetup(OptimizerConfiguration("random-search"))))
    #expect(session.runs.map(\.id) == [0, 1, 2])
    try session.apply(.removeRun(1))
    #expect(session.runs.map(\.id) == [0, 2])
    #expect(session.runs.map(\.colourIndex) == [0, 2])
    try session.apply(.addRun(RunSetup(OptimizerConfiguration("pso"))))
    #expect(session.runs.map(\.id) == [0, 2, 3])
    #expect(session.runs.last?.colourIndex == 1)
    #expect(throws: SessionError.self) { try session.apply(.removeRun(7)) }
  }

  @Test func movingTheStartRestartsTheRunThere() throws {
    var session = try session()
    for _ in 0..<5 { session.stepForward() }
    try session.apply(.moveStart(run: 0, to: [-1.5, 2]))
    #expect(session.runs[0].start == [-1.5, 2])
    #expect(session.runs[0].steps == 0)
    #expect(session.runs[0].optimizer.particles[0].position == [-1.5, 2])
  }

  @Test func droppingAParticleGrowsAPopulation() throws {
    var session = try session(["random-search"])
    try session.apply(.swapOptimizer(run: 0, OptimizerConfiguration("pso", settings: [("particles", 5)])))
    try session.apply(.dropParticle(run: 0, at: [0.5, 0.5]))
    #expect(session.runs[0].optimizer.particles.contains { $0.position == [0.5, 0.5] })
  }

  @Test func changingTheLandscapeRestartsEveryRun() throws {
    var session = try session(["adam", "pso"])
    for _ in 0..<5 { session.stepForward() }
    try session.apply(.setLandscape(.named("himmelblau")))
    #expect(session.landscape.name == "himmelblau")
    #expect(session.step == 0)
    #expect(session.runs.allSatisfy { $0.steps == 0 && $0.evaluations == 0 })
    #expect(throws: SessionError.self) { try session.apply(.setLandscape(.named("himmelblow"))) }
    #expect(session.landscape.name == "himmelblau")
  }

  @Test func noiseChangesWhatTheOptimizerSees() throws {
    var quiet = try session(["random-search"], landscape: "sphere")
    var noisy = quiet
    try noisy.apply(.setNoise(0.5))
    quiet.stepForward()
    noisy.stepForward()
    #expect(quiet.runs[0].probes.points.map(\.position) == noisy.runs[0].probes.points.map(\.position))
    #expect(quiet.runs[0].probes.points.map(\.loss) != noisy.runs[0].probes.points.map(\.loss))
    #expect(throws: SessionError.self) { try noisy.apply(.setNoise(-1)) }
  }

  @Test func resetReplaysTheSameRunAndANewSeedChangesIt() throws {
    var session = try session(["pso"])
    for _ in 0..<20 { session.stepForward() }
    let first = fingerprint(session.runs[0].optimizer.particles)
    try session.apply(.reset(seed: nil))
    #expect(session.step == 0)
    for _ in 0..<20 { session.stepForward() }
    #expect(fingerprint(session.runs[0].optimizer.particles) == first)
    try session.apply(.reset(seed: 99))
    for _ in 0..<20 { session.stepForward() }
    #expect(fingerprint(session.runs[0].optimizer.particles) != first)
  }
}
