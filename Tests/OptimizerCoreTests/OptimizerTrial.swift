import OptimizerCore

/// One optimizer run on a test landscape, stepped the way the engine steps
/// it: a fresh probe log and event list before every step.
struct OptimizerTrial {
  let landscape: TestLandscape
  var optimizer: any Optimizer
  var evaluator: Evaluator
  var rng: SeededGenerator
  var steps = 0

  /// The named optimizer (with `settings` and `parts`) started from
  /// `adopting`, by default the landscape's start point.
  init(
    _ name: String, parts: DescentParts? = nil, settings: [(String, Double)] = [], on landscape: TestLandscape,
    seed: UInt64 = 1, adopting particles: [Particle]? = nil, evaluationBudget: Int? = 10_000
  ) throws {
    self.landscape = landscape
    rng = SeededGenerator(seed: seed)
    optimizer = try OptimizerRegistry.make(
      OptimizerConfiguration(name, parts: parts, settings: settings),
      adopting: particles ?? [Particle(position: landscape.start)],
      context: StepContext(domain: landscape.domain, evaluationBudget: evaluationBudget), rng: &rng)
    evaluator = landscape.evaluator(seed: seed)
  }

  /// One step; the evaluator then holds this step's probes and events.
  mutating func step() {
    evaluator.beginStep()
    optimizer.step(&evaluator, rng: &rng)
    steps += 1
  }

  mutating func run(_ count: Int) {
    for _ in 0..<count { step() }
  }

  /// The lowest exact loss at the optimizer's particles and best point:
  /// where it got to, even when it never evaluated that point itself (SPSA
  /// evaluates only around x).
  var reachedExactLoss: Double {
    let points = optimizer.particles.map(\.position) + (optimizer.best.map { [$0.position] } ?? [])
    return points.map(landscape.exactLoss(at:)).min() ?? .infinity
  }
}

/// Every number that describes the particles, as bit patterns, so that two
/// states compare equal exactly when they are bit-identical (NaN included).
func fingerprint(_ particles: [Particle]) -> [UInt64] {
  var bits: [UInt64] = []
  for particle in particles {
    bits += particle.position.components.map(\.bitPattern)
    bits.append(particle.loss.bitPattern)
    bits += (particle.velocity?.components ?? []).map(\.bitPattern)
    bits += (particle.personalBest?.position.components ?? []).map(\.bitPattern)
    bits.append(particle.personalBest?.loss.bitPattern ?? 0)
    bits.append(UInt64(particle.age))
  }
  return bits
}

/// The optimizer's whole state as text, every stored property (private ones
/// and its parts' included) except `hyperparameters`: two states with equal
/// dumps are the same state. Doubles print in round-trip precision.
func stateDump(_ optimizer: any Optimizer) -> String {
  var text = ""
  for child in Mirror(reflecting: optimizer).children where child.label != "hyperparameters" {
    text += "\(child.label ?? "_"): "
    dump(child.value, to: &text)
  }
  return text
}
