/// RandomGrad: one random probe decides the sign of a random direction,
/// ĝ = u·sign(f(x + h·u) − f(x)) with u = ξ ~ N(0, I).
///
/// A better probe gives ĝ = −u, so the descent moves along +u. With
/// `stepOpposite` (the default) a worse probe gives ĝ = +u and the descent
/// moves away from it; without, a worse probe gives ĝ = 0. One evaluation
/// per step, plus f(x), which the descent keeps known (`tracksLoss`): with
/// an undo guard that evaluation is shared, so the step costs 2. Smoothed
/// directions and lookahead as every random source (`RandomProbing`); with
/// lookahead the probe is the move itself, so an accepted step costs 1.
/// ĝ is a direction, not a slope: with SGD, η = 5e-3·w (`LearningRate`).
struct RandomGradient: GradientSource {
  static let name = "randomgrad"
  static let summary = "sign of one random probe times its direction (1 evaluation + f(x))"
  static let specs =
    [
      HyperparameterSpec(
        "h", symbol: "h", default: 1e-3, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
        help: "distance of the probe along the random direction"),
      HyperparameterSpec.flag(
        "stepOpposite", symbol: "opp", default: true,
        help: "a worse probe sends the step the other way (off: no step)"),
    ] + RandomProbing.specs
  static let learningRate = LearningRate.direction
  static let tracksLoss = true

  private var probing = RandomProbing()
  /// The last direction u, for the inspector.
  private var direction: Vector
  /// The last sign: −1 (probe better), +1 (worse, stepped away), 0 (none).
  private var sign = 0.0

  init(context: StepContext) { direction = .zeros(context.dimension) }

  var evaluatedTarget: Point? { probing.evaluatedTarget }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let h = state.hyperparameters["h"]
    let stepOpposite = state.hyperparameters.flag("stepOpposite")
    probing.begin()
    return RandomProbing.averaged(in: state) { shot in
      direction = probing.direction(rng.normalVector(dimension: state.position.dimension), slot: shot, in: state)
      var probe = probing.probe(along: direction, distance: h, in: state)
      let probeLoss = f.evaluate(&probe)
      if probeLoss < state.point.loss {
        sign = -1
        probing.accept(Point(position: probe, loss: probeLoss), in: state)
      } else if probeLoss > state.point.loss && stepOpposite {
        sign = 1
      } else {
        sign = 0
      }
      return sign * direction
    }
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.vectors.append(NamedVector("u", direction))
    inspection.readouts.append(Readout("probe-sign", symbol: "sgn", value: sign, gauge: -1...1))
  }
}
