import RealModule

/// Accelerated random search (Appel, Labarre and Radulović 2004): uniform
/// samples in a box around x that shrinks on failure and grows back to the
/// whole domain on success.
///
/// The box has radius rᵢ = s·wᵢ/2 on axis i (wᵢ its side), centred on x and
/// shifted, not cut, to lie inside the domain. One sample y per step: if
/// f(y) < f(x), x ← y and s ← 1; else s ← c·s (c = `contraction`, 0.9),
/// and after `restartAfter` failures in a row (100) s ← 1 again, a restart
/// reported as a `.resample` event. At s = 1 the box is the whole domain,
/// as in the paper, so each success and each restart goes back to global
/// search; the paper's smallest radius is here a count of failures. The
/// `radius` readout is s·w/2 for w the smallest side, the width every
/// distance-like setting is a fraction of (docs/ARCHITECTURE.md); the box
/// uses each axis's own side so that a non-square domain is covered too.
///
/// On integer axes the box is at least one step wide and the sample native
/// (`DiscreteMutation`): each discrete axis moves with probability 1/d to
/// another whole number of the box, a boolean one flips.
///
/// `rho` smooths the direction of each sample's offset from x from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct AcceleratedRandomSearch: DescribedOptimizer, RecordedStep {
  public static let descriptor = OptimizerDescriptor(
    name: "accelerated-random-search", family: .search,
    summary: "uniform samples in a box around the best point that shrinks on failure, resets on success",
    specs: [
      HyperparameterSpec(
        "contraction", symbol: "c", default: 0.9, range: 0.01...0.999,
        help: "factor the box's radius shrinks by after each failure"),
      .integer(
        "restartAfter", symbol: "restart", default: 100, range: 1...1_000_000,
        help: "failures in a row after which the box grows back to the whole domain"),
      DirectionSmoothing.spec,
    ])

  public var hyperparameters: Hyperparameters
  private var current: Point
  /// s: the box's radius as a share of each half side.
  private var scale = 1.0
  /// Failures since the last success or restart.
  private var failures = 0
  private let domain: Domain
  private let mutation: DiscreteMutation
  /// The samples' offsets from x, smoothed with ρ.
  private var smoothing = DirectionSmoothing()
  /// The last sample and whether it was taken.
  private var lastSample: (from: Vector, to: Vector, accepted: Bool)?
  private var steps = 0

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    current = particles.startingPoint(on: context.domain)
    domain = context.domain
    mutation = DiscreteMutation(domain: context.domain)
  }

  /// The step, taken apart (`RecordedStep`) as the sample in the box, the comparison, the
  /// box shrunk or reset.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let contraction = hyperparameters["contraction"]
    let restartAfter = hyperparameters.integer("restartAfter")
    steps += 1
    if current.loss.isNaN { current.loss = f.evaluate(&current.position) }

    let box = searchBox()
    var sample = current.position
    for i in domain.axes.indices where domain.axes[i].kind == .continuous {
      sample[i] = rng.uniform(in: box.lower[i]...box.upper[i])
    }
    mutation.move(&sample, from: current.position, law: .box(lower: box.lower, upper: box.upper), rng: &rng)
    sample = smoothing.sample(
      sample, around: current.position, lower: box.lower, upper: box.upper, slot: 0, rho: hyperparameters["rho"],
      continuous: domain.isContinuous)
    let loss = f.evaluate(&sample)

    let (origin, scaleBefore) = (current, scale)
    let accepted = loss < current.loss
    f.note(StepEvent(accepted ? .accept : .reject, at: sample, from: current.position))
    lastSample = (current.position, sample, accepted)
    var restarted = false
    if accepted {
      current = Point(position: sample, loss: loss)
      (scale, failures) = (1, 0)
    } else {
      scale *= contraction
      failures += 1
      if failures >= restartAfter {
        (scale, failures) = (1, 0)
        restarted = true
        f.note(StepEvent(.resample, at: current.position))
      }
    }
    if let record {
      boxStages(
        from: origin, sample: Point(position: sample, loss: loss), box: box, scaleBefore: scaleBefore,
        restarted: restarted
      ).forEach(record)
    }
  }

  /// The sample in the box, its comparison with x, then the box the rule
  /// leaves: reset to the domain on success or restart, shrunk by c on failure.
  private func boxStages(
    from x: Point, sample y: Point, box: (lower: Vector, upper: Vector), scaleBefore: Double, restarted: Bool
  ) -> [InspectionStage] {
    let accepted = y.loss < x.loss
    let rule =
      accepted
      ? "success: x ← y, s ← 1 (the whole domain)"
      : restarted ? "failure \(hyperparameters.integer("restartAfter")) in a row: restart, s ← 1" : "failure: s ← c·s"
    let next = searchBox()
    return [
      InspectionStage(
        "sample", formula: "y ~ U(box),  box = x ± s·wᵢ/2, shifted inside the domain",
        values: [.number("s", scaleBefore), .number("r", scaleBefore * domain.width / 2), .vector("y", y.position)],
        overlays: [.box(lower: box.lower, upper: box.upper, role: .searchBox), .mark(at: y.position, role: .candidate)]),
      InspectionStage(
        "compare", formula: "taken when f(y) < f(x)",
        values: [.number("f(x)", x.loss), .number("f(y)", y.loss), .fact("verdict", accepted ? "accepted" : "refused")],
        overlays: [.arrow(from: x.position, to: y.position, role: accepted ? .accepted : .rejected)]),
      InspectionStage(
        accepted || restarted ? "reset box" : "shrink box", formula: rule,
        values: [
          .number("c", hyperparameters["contraction"]), .number("s′", scale), .number("fails", Double(failures)),
          .vector("x′", current.position), .number("f(x′)", current.loss),
        ],
        overlays: [.box(lower: next.lower, upper: next.upper, role: .searchBox), .mark(at: current.position, role: .centre)]),
    ]
  }

  /// The box around x of radius s·wᵢ/2 on each axis (at least 1 on integer
  /// axes, the whole of a boolean one), shifted inside the domain.
  private func searchBox() -> (lower: Vector, upper: Vector) {
    var lower = current.position, upper = current.position
    for (i, axis) in domain.axes.enumerated() {
      var radius = scale * axis.width / 2
      switch axis.kind {
      case .continuous: break
      case .integer: radius = max(radius, 1)
      case .boolean: radius = 1
      }
      let low = max(axis.lower, min(current.position[i] - radius, axis.upper - 2 * radius))
      lower[i] = low
      upper[i] = min(axis.upper, low + 2 * radius)
    }
    return (lower, upper)
  }

  public var particles: [Particle] { [Particle(position: current.position, loss: current.loss, age: steps)] }

  /// Readouts: the radius s·w/2 (a log gauge from its smallest, after
  /// `restartAfter` failures, up to w/2) and the failures in a row (a gauge
  /// 0…`restartAfter`). Overlays: the box the next sample comes from, the
  /// last sample as an accepted or rejected arrow from x.
  public func inspect() -> Inspection {
    let contraction = hyperparameters["contraction"]
    let restartAfter = hyperparameters.integer("restartAfter")
    let full = domain.width / 2
    let smallest = full * max(Double.pow(contraction, Double(restartAfter)), 1e-12)
    let box = searchBox()
    var inspection = Inspection(
      readouts: [
        Readout("radius", symbol: "r", value: scale * full, gauge: smallest...full, logarithmic: true),
        Readout("failures", symbol: "fails", value: Double(failures), gauge: 0...Double(restartAfter)),
      ],
      overlays: [.box(lower: box.lower, upper: box.upper, role: .searchBox)])
    if let lastSample {
      inspection.overlays.append(
        .arrow(from: lastSample.from, to: lastSample.to, role: lastSample.accepted ? .accepted : .rejected))
    }
    return inspection
  }
}
