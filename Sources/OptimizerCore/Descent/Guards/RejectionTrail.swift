/// The candidates a step guard turned down: each is noted as a `.reject`
/// event (which the screen colours apart from the `.accept` of the move
/// taken) and the latest few are drawn as rejected marks.
struct RejectionTrail: Sendable {
  /// How many refused candidates the overlay keeps.
  static let remembered = 16

  /// The latest refused candidates, oldest first.
  private(set) var points: [Vector] = []

  /// Notes that the move from `origin` to `candidate` was refused.
  mutating func reject(_ candidate: Vector, from origin: Vector, f: inout Evaluator) {
    f.note(StepEvent(.reject, at: candidate, from: origin))
    if points.count == Self.remembered { points.removeFirst() }
    points.append(candidate)
  }

  func inspect(into inspection: inout Inspection) {
    if !points.isEmpty { inspection.overlays.append(.marks(points, role: .rejected)) }
  }
}
