/// The adaptive-order walks' step taken apart, past the integrated stack
/// and the candidate (`RandomWalkState.integrationStages`): the verdict
/// with its correction, then the change of K under the walk's rule.
extension AdaptiveOrderState {
  /// The verdict on `proposal` as the walk now stands: accepted (x ← y,
  /// d[i] ← c[i]) or refused with the correction it took.
  func verdictStage(
    _ proposal: RandomWalkState.Proposal, correction: CorrectionReading?, moveOpposite: Bool
  ) -> InspectionStage {
    let formula: String
    if proposal.improves {
      formula = "accepted: x ← y, d[i] ← c[i]"
    } else if let correction, proposal.stack.count > 1 {
      switch correction {
      case .independent: formula = "refused; reverse-order correction: d[i] ← d[i] − c[i+1]"
      case .chained: formula = "refused; chained correction: d[0] ← d[0] − c[1], d[i] ← d′[i−1] − d[i−1]"
      }
    } else if moveOpposite {
      formula = proposal.stack.count > 1 ? "refused, then moved opposite: d[K−2] ← d[K−2] − c[K−1]" : "refused, then moved opposite: x ← x − c[0]"
    } else {
      formula = "refused: x stays"
    }
    let x = walk.particle
    return InspectionStage(
      proposal.improves ? "accept" : "reject", formula: formula,
      values: [.vector("x′", x.position), .number("f(x′)", x.loss)]
        + walk.committedVectors.enumerated().map { .vector("d[\($0.offset)]", $0.element) },
      overlays: [
        .arrow(
          from: proposal.origin.position, to: proposal.candidate.position,
          role: proposal.improves ? .accepted : .rejected)
      ] + stackOverlays)
  }

  /// The change of K the step made, from `order` (K during the step) to the
  /// walk's order now, with the rule that decided it: a rise after every
  /// success or, under the convex rule, after its `measure` moved the right
  /// way since the `previous` accepted move (ρ, ‖c[K−1]‖); a fall after m
  /// failures in a row.
  func orderChangeStage(
    _ proposal: RandomWalkState.Proposal, from order: Int, maxOrder: Int, patience: Int,
    measure: ConvexOrderMeasure?, previous: (rate: Double, topChange: Double)
  ) -> InspectionStage {
    let formula: String
    var values: [StageValue] = [.number("K", Double(order))]
    if !proposal.improves {
      let failures = rejections == 0 ? patience : rejections
      formula = "failure \(failures) of m in a row: K ← max(1, K − 1) when it reaches m"
      values.append(.number("m", Double(patience)))
    } else if let measure {
      let (symbol, last, now) =
        measure == .improvementRate ? ("ρ", previous.rate, rate) : ("‖c[K−1]‖", previous.topChange, topChange)
      formula =
        measure == .improvementRate
        ? "ρ = (f(x) − f(y)) / ‖y − x‖: K ← min(K + 1, Kmax) if ρ grew, max(1, K − 1) if it fell"
        : "‖c[K−1]‖ = ‖Δ_K‖·η: K ← min(K + 1, Kmax) if it shrank, max(1, K − 1) otherwise"
      values += [
        last.isNaN ? .fact("\(symbol) before", "none: this first accepted move sets it") : .number("\(symbol) before", last),
        .number(symbol, now),
      ]
    } else {
      formula = "success: K ← min(K + 1, Kmax)"
    }
    let change = walk.order > order ? "rises" : (walk.order < order ? "falls" : "stays")
    values += [.number("Kmax", Double(maxOrder)), .number("K′", Double(walk.order)), .fact("order", change)]
    return InspectionStage(
      "order change", formula: formula,
      values: values + walk.committedVectors.enumerated().map { .vector("d[\($0.offset)]", $0.element) },
      overlays: stackOverlays)
  }

  /// The committed stack d[0], d[1], … tip to tail from x.
  private var stackOverlays: [Overlay] {
    var tail = walk.particle.position
    return walk.committedVectors.enumerated().map { i, d in
      defer { tail = tail + d }
      return .arrow(from: tail, to: tail + d, role: i == 0 ? .velocity : .momentum)
    }
  }
}
