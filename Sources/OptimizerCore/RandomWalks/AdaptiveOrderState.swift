/// The state and step that the adaptive-order walks share: an n-th order
/// walk (`RandomWalkState`) whose order K a rule raises and lowers.
///
/// Both rules lower K after m rejections in a row (K ← max(1, K − 1),
/// dropping the top vector); they differ in what an accepted move does.
/// Raising K appends d[K−1] = 0 on top. A rejection is corrected at every
/// order from the lowest up (`reverseOrderCorrection`, at K ≥ 2, in the
/// reading `correction` names: `CorrectionReading`), or by
/// `moveOpposite`. Every change of K is reported as an `.orderChange` event;
/// lowering Kmax below K mid-run lowers K at the next step.
struct AdaptiveOrderState: Sendable {
  /// What an accepted move does to K.
  enum Rule: Sendable {
    /// K ← min(K + 1, Kmax) after every accepted move.
    case everySuccess
    /// K ← min(K + 1, Kmax) when the measure `orderRule` names
    /// (`ConvexOrderMeasure`) moved the right way since the last accepted
    /// move, K ← max(1, K − 1) when it moved the wrong way.
    case convex
  }

  /// The settings both adaptive walks declare, in order.
  static let specs: [HyperparameterSpec] = [
    RandomWalkSpecs.step,
    RandomWalkSpecs.maxOrder,
    RandomWalkSpecs.patience,
    RandomWalkSpecs.bestOf(default: 2),
    RandomWalkSpecs.moveOpposite,
    RandomWalkSpecs.reverseOrderCorrection,
    RandomWalkSpecs.correction,
    DirectionSmoothing.spec,
  ]

  let rule: Rule
  private(set) var walk: RandomWalkState
  /// Rejections since the last accepted move or the last lowering of K.
  private(set) var rejections = 0
  /// ρ of the last accepted move, NaN before the first.
  private(set) var rate = Double.nan
  /// ‖c[K−1]‖ of the last accepted move, NaN before the first.
  private(set) var topChange = Double.nan

  /// A walk of order 1 at the best of `particles`.
  init(adopting particles: [Particle], rule: Rule, context: StepContext) {
    self.rule = rule
    walk = RandomWalkState(adopting: particles, order: 1, context: context)
  }

  /// One step with the current settings; `record`, when given, is handed
  /// the step's stages (nil on every real step, which then builds none).
  mutating func step(
    _ hyperparameters: Hyperparameters, f: inout Evaluator, rng: inout SeededGenerator,
    record: (([InspectionStage]) -> Void)? = nil
  ) {
    let eta = hyperparameters["step"]
    let maxOrder = hyperparameters.integer("maxOrder")
    let patience = hyperparameters.integer("patience")
    let bestOf = hyperparameters.integer("bestOf")
    let moveOpposite = hyperparameters.flag("moveOpposite")
    let reverse =
      hyperparameters.flag("reverseOrderCorrection")
      ? CorrectionReading(rawValue: hyperparameters.choice("correction")) : nil
    walk.beginStep(&f)
    walk.changeOrder(to: min(walk.order, maxOrder), f: &f)
    let before = record == nil ? [] : walk.committedVectors
    let (previousRate, previousTopChange) = (rate, topChange)
    var verdict: InspectionStage?

    let proposal = walk.propose(step: eta, count: bestOf, rho: hyperparameters["rho"], f: &f, rng: &rng)
    if proposal.improves {
      walk.accept(proposal, f: &f)
      rejections = 0
      if record != nil { verdict = verdictStage(proposal, correction: nil, moveOpposite: moveOpposite) }
      switch rule {
      case .everySuccess:
        walk.changeOrder(to: min(walk.order + 1, maxOrder), f: &f)
      case .convex:
        let length = proposal.candidate.position.distance(to: proposal.origin.position)
        let newRate = (proposal.origin.loss - proposal.candidate.loss) / length
        let newTopChange = proposal.stack[proposal.stack.count - 1].norm
        switch ConvexOrderMeasure(rawValue: hyperparameters.choice("orderRule")) ?? .improvementRate {
        case .improvementRate:
          if newRate > rate {
            walk.changeOrder(to: min(walk.order + 1, maxOrder), f: &f)
          } else if newRate < rate {
            walk.changeOrder(to: max(1, walk.order - 1), f: &f)
          }
        case .topChange:
          if newTopChange < topChange {
            walk.changeOrder(to: min(walk.order + 1, maxOrder), f: &f)
          } else if !topChange.isNaN {
            walk.changeOrder(to: max(1, walk.order - 1), f: &f)
          }
        }
        rate = newRate
        topChange = newTopChange
      }
    } else {
      walk.refuse(proposal, moveOpposite: moveOpposite, reverseOrderCorrection: reverse, f: &f)
      rejections += 1
      if record != nil { verdict = verdictStage(proposal, correction: reverse, moveOpposite: moveOpposite) }
      if rejections >= patience {
        rejections = 0
        walk.changeOrder(to: max(1, walk.order - 1), f: &f)
      }
    }
    if let record, let verdict {
      let measure =
        rule == .convex ? ConvexOrderMeasure(rawValue: hyperparameters.choice("orderRule")) ?? .improvementRate : nil
      record(
        RandomWalkState.integrationStages(proposal, committed: before, eta: eta, bestOf: bestOf) + [
          verdict,
          orderChangeStage(
            proposal, from: proposal.stack.count, maxOrder: maxOrder, patience: patience, measure: measure,
            previous: (previousRate, previousTopChange)),
        ])
    }
  }

  /// Readouts: the order K (a gauge 1…Kmax), for the convex rule the
  /// last accepted move's measure (ρ or ‖Δ_K‖·η), the rejections in a row (a gauge 0…m) and the
  /// speed ‖d[0]‖. Overlays: the arrow stack d[0], d[1], … tip to tail from
  /// x, the candidates, the last move.
  func inspect(_ hyperparameters: Hyperparameters) -> Inspection {
    var inspection = Inspection(readouts: [
      RandomWalkSpecs.orderReadout(walk.order, top: hyperparameters.integer("maxOrder"))
    ])
    if rule == .convex {
      switch ConvexOrderMeasure(rawValue: hyperparameters.choice("orderRule")) ?? .improvementRate {
      case .improvementRate:
        inspection.readouts.append(Readout("improvement-rate", symbol: "ρ", value: rate, logarithmic: true))
      case .topChange:
        inspection.readouts.append(Readout("top-change", symbol: "‖Δ_K‖η", value: topChange, logarithmic: true))
      }
    }
    inspection.readouts += [
      Readout(
        "rejections", symbol: "m", value: Double(rejections),
        gauge: 0...Double(hyperparameters.integer("patience"))),
      Readout("speed", symbol: "‖d₀‖", value: walk.speed, logarithmic: true),
    ]
    walk.inspect(into: &inspection)
    return inspection
  }
}
