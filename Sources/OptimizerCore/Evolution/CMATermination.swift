/// When a CMA-ES run has stopped making progress: the termination criteria
/// of Hansen's tutorial (arXiv 1604.00772, appendix B), which trigger an
/// IPOP restart.
///
/// It keeps, per generation since the last (re)start, the best and the
/// median loss. With L = 10 + ⌈30n/λ⌉ generations of history:
/// - `flat` (TolFun): the best losses of the last L generations and every
///   loss of this one lie within 10⁻¹²·max(1, |f_best|) (scaled so that a
///   landscape whose values are in the thousands is judged like one in
///   units);
/// - `tinySteps` (TolX): σ·max(|p_c,i|, √C_ii) < 10⁻¹²·σ₀ on every axis;
/// - `noEffectAxis`: adding 0.1σ·D_kk·b_k (k = g mod n) leaves m unchanged;
/// - `noEffectCoordinate`: adding 0.2σ·√C_ii leaves some m_i unchanged;
/// - `illConditioned` (ConditionCov): cond(C) > 10¹⁴;
/// - `diverging` (TolXUp): σ·max D > 10⁴·σ₀;
/// - `stagnating`: over the last max(120 + 30n/λ, 0.2·g) generations (at
///   most 20 000), the median of the most recent 30 % of both the best and
///   the median losses is no better than that of the oldest 30 %.
struct CMATermination: Sendable, Hashable {
  enum Reason: Sendable {
    case flat, tinySteps, noEffectAxis, noEffectCoordinate, illConditioned, diverging, stagnating
  }

  /// The longest history kept, in generations.
  static let historyLimit = 20_000

  private var bestLosses: [Double] = []
  private var medianLosses: [Double] = []

  /// Generations recorded since the last (re)start.
  var generations: Int { bestLosses.count }

  /// Records one generation's losses, sorted best first.
  mutating func record(sortedLosses losses: [Double]) {
    bestLosses.append(losses[0])
    medianLosses.append(losses[losses.count / 2])
    if bestLosses.count > Self.historyLimit {
      bestLosses.removeFirst()
      medianLosses.removeFirst()
    }
  }

  /// What the search looks like after a generation, for the criteria.
  struct State {
    var mean: Vector
    var sigma: Double
    var initialSigma: Double
    var covarianceDiagonal: [Double]
    /// D, the square roots of C's eigenvalues, and B, its eigenvectors.
    var scales: [Double]
    var eigenbasis: SquareMatrix
    var covariancePath: Vector
    var sortedLosses: [Double]
    var populationSize: Int
  }

  /// The first criterion that holds, or nil while the search progresses.
  func reason(_ state: State) -> Reason? {
    let n = state.mean.dimension
    let g = generations
    let lambda = Double(state.populationSize)
    let window = 10 + Int((30 * Double(n) / lambda).rounded(.up))
    if g >= window {
      let recent = bestLosses.suffix(window) + state.sortedLosses
      let low = recent.min()!, high = recent.max()!
      if high - low <= 1e-12 * max(1, abs(low)) { return .flat }
    }
    let tolerance = 1e-12 * state.initialSigma
    let tiny = (0..<n).allSatisfy { i in
      state.sigma * max(abs(state.covariancePath[i]), state.covarianceDiagonal[i].squareRoot()) < tolerance
    }
    if tiny { return .tinySteps }
    let axis = g % n
    let noEffectAxis = (0..<n).allSatisfy { i in
      state.mean[i] == state.mean[i] + 0.1 * state.sigma * state.scales[axis] * state.eigenbasis[i, axis]
    }
    if noEffectAxis { return .noEffectAxis }
    let noEffectCoordinate = (0..<n).contains { i in
      state.mean[i] == state.mean[i] + 0.2 * state.sigma * state.covarianceDiagonal[i].squareRoot()
    }
    if noEffectCoordinate { return .noEffectCoordinate }
    let largest = state.scales.max()!, smallest = state.scales.min()!
    if largest * largest > 1e14 * smallest * smallest { return .illConditioned }
    if state.sigma * largest > 1e4 * state.initialSigma { return .diverging }
    if isStagnating(dimension: n, populationSize: lambda) { return .stagnating }
    return nil
  }

  private func isStagnating(dimension n: Int, populationSize lambda: Double) -> Bool {
    let minimum = 120 + Int((30 * Double(n) / lambda).rounded(.up))
    let g = generations
    guard g >= minimum else { return false }
    let span = max(minimum, g / 5)
    let part = max(1, Int((0.3 * Double(span)).rounded(.down)))
    func noProgress(_ history: [Double]) -> Bool {
      let window = history.suffix(span)
      return Self.median(window.suffix(part)) >= Self.median(window.prefix(part))
    }
    return noProgress(bestLosses) && noProgress(medianLosses)
  }

  private static func median(_ values: some Collection<Double>) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
