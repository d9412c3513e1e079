import RealModule

/// The cooling schedule that simulated annealing's temperature and threshold
/// accepting's threshold follow: L = L₀ · s · αᵏ after k coolings.
///
/// s is the landscape's typical loss spread: the standard deviation of f
/// over `calibrationSamples` uniform samples drawn (and counted) at the first
/// step, so that L₀ = 1 means the same on every landscape. L cools by α every
/// `coolEvery` steps, and also after `maxBad` steps without a new best point.
/// α, `coolEvery` and `maxBad` are read at every `advance`, so changing them
/// mid-run keeps the coolings so far.
struct CoolingSchedule: Sendable, Hashable {
  /// The settings of the schedule, shared by the methods that follow it.
  static let specs: [HyperparameterSpec] = [
    HyperparameterSpec(
      "alpha", symbol: "α", default: 0.95, range: 0.01...1,
      help: "cooling factor: the level is multiplied by α at each cooling"),
    .integer("coolEvery", symbol: "every", default: 20, range: 1...1_000_000, help: "steps between coolings"),
    .integer(
      "maxBad", symbol: "bad", default: 50, range: 1...1_000_000_000,
      help: "steps without a new best point that trigger an extra cooling"),
  ]

  /// How many uniform samples measure the loss spread at the first step.
  static let calibrationSamples = 10

  /// The loss spread s; NaN until `calibrate` measures it.
  private(set) var spread = Double.nan
  /// αᵏ: the product of the cooling factors applied so far.
  private(set) var cooling = 1.0
  /// Steps taken (calls to `advance`).
  private(set) var steps = 0
  private var stepsSinceBest = 0

  /// True once the spread is measured.
  var isCalibrated: Bool { !spread.isNaN }

  /// L = L₀ · s · αᵏ, NaN before calibration.
  func level(start: Double) -> Double { start * spread * cooling }

  /// A gauge for the level: from L₀·s down a millionfold, nil before
  /// calibration.
  func gauge(start: Double) -> ClosedRange<Double>? {
    let top = start * spread
    return top.isFinite ? top * 1e-6...top : nil
  }

  /// Measures s, the standard deviation of f over uniform samples of the
  /// domain (1 when the samples are flat or not finite), and returns the
  /// best sample.
  mutating func calibrate(_ f: inout Evaluator, rng: inout SeededGenerator) -> Point? {
    var losses: [Double] = []
    var best: Point?
    for _ in 0..<Self.calibrationSamples {
      var sample = f.domain.randomPoint(using: &rng)
      let loss = f.evaluate(&sample)
      let point = Point(position: sample, loss: loss)
      if point.isBetter(than: best) { best = point }
      if loss.isFinite { losses.append(loss) }
    }
    let mean = losses.reduce(0, +) / Double(max(losses.count, 1))
    let variance = losses.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(losses.count - 1, 1))
    let deviation = variance.squareRoot()
    spread = deviation > 0 && deviation.isFinite ? deviation : 1
    return best
  }

  /// Counts a step and cools where the schedule says: every `coolEvery`
  /// steps, and after `maxBad` steps in a row without `improved`.
  mutating func advance(improved: Bool, hyperparameters: Hyperparameters) {
    let alpha = hyperparameters["alpha"]
    steps += 1
    stepsSinceBest = improved ? 0 : stepsSinceBest + 1
    if steps % hyperparameters.integer("coolEvery") == 0 { cooling *= alpha }
    if stepsSinceBest >= hyperparameters.integer("maxBad") {
      cooling *= alpha
      stepsSinceBest = 0
    }
  }
}
