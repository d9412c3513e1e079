/// RandomBestGrad: the best of k random probes from the same x,
/// ĝ = −u* where x + h·u* decreased f the most (uⱼ = ξⱼ ~ N(0, I)).
///
/// With `average`, ĝ = −(1/m) Σ uⱼ over the m probes that decreased f. When
/// none did and `negateWorst` is on (the default, as in torchzero), ĝ = +u
/// of the probe that increased f the most, so the descent steps away from
/// it; otherwise ĝ = 0. k evaluations per step plus f(x), which the descent
/// keeps known. Defaults k = 10, h = 1e-3·w; ĝ is a direction, not a
/// slope, so with SGD η = 5e-3·w (`LearningRate`). Smoothed directions keep one
/// smoothed direction per probe slot; with lookahead each probe is the
/// rule's move along its uⱼ, so the best probe is where an accepted step
/// lands (its loss is reused), and `average` steps where nobody probed.
struct RandomBestGradient: GradientSource {
  static let name = "randombestgrad"
  static let summary = "the best of k random probes gives the direction (k evaluations + f(x))"
  static let specs =
    [
      HyperparameterSpec.integer(
        "k", symbol: "k", default: 10, range: 1...100, help: "random probes per step, all from the same x"),
      HyperparameterSpec(
        "h", symbol: "h", default: 1e-3, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
        help: "distance of each probe along its random direction"),
      HyperparameterSpec.flag(
        "average", symbol: "avg", default: false,
        help: "step along the mean of every improving direction, not only the best"),
      HyperparameterSpec.flag(
        "negateWorst", symbol: "neg", default: true,
        help: "when no probe improves, step away from the worst one (off: no step)"),
    ] + RandomProbing.specs
  static let learningRate = LearningRate.direction
  static let tracksLoss = true

  private var probing = RandomProbing()
  /// −ĝ, the direction the last estimate chose (zero when none), for the
  /// inspector.
  private var chosen: Vector
  /// How many of the last step's k probes decreased f.
  private var improving = 0
  private var probeCount = 0

  init(context: StepContext) { chosen = .zeros(context.dimension) }

  var evaluatedTarget: Point? { probing.evaluatedTarget }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let k = state.hyperparameters.integer("k")
    let h = state.hyperparameters["h"]
    let average = state.hyperparameters.flag("average")
    let negateWorst = state.hyperparameters.flag("negateWorst")
    let here = state.point.loss
    let dimension = state.position.dimension
    probing.begin()
    probeCount = k
    return RandomProbing.averaged(in: state) { shot in
      var best: (direction: Vector, probe: Point)?
      var worst: (direction: Vector, loss: Double)?
      var sum = Vector.zeros(dimension)
      improving = 0
      for slot in 0..<k {
        let u = probing.direction(rng.normalVector(dimension: dimension), slot: shot * k + slot, in: state)
        var probe = probing.probe(along: u, distance: h, in: state)
        let loss = f.evaluate(&probe)
        if loss < here {
          improving += 1
          sum += u
          if loss < best?.probe.loss ?? .infinity { best = (u, Point(position: probe, loss: loss)) }
        } else if loss > here && loss > worst?.loss ?? -.infinity {
          worst = (u, loss)
        }
      }
      if let best {
        if average {
          chosen = sum / Double(improving)
        } else {
          chosen = best.direction
          probing.accept(best.probe, in: state)
        }
      } else if negateWorst, let worst {
        chosen = -worst.direction
      } else {
        chosen = .zeros(dimension)
      }
      return -chosen
    }
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.vectors.append(NamedVector("u*", chosen))
    inspection.readouts.append(
      Readout("improving-probes", symbol: "m", value: Double(improving), gauge: 0...Double(probeCount)))
  }
}
