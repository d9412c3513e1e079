/// The share of accepted candidates among the latest `size` decisions, the
/// acceptance rate that annealing and threshold accepting show.
struct AcceptanceWindow: Sendable, Hashable {
  /// How many recent decisions the rate averages.
  static let size = 50

  /// The latest decisions, a ring of `size` (true: accepted).
  private var decisions: [Bool] = []
  private var next = 0

  /// Records one decision, forgetting the oldest once the ring is full.
  mutating func record(_ accepted: Bool) {
    if decisions.count < Self.size {
      decisions.append(accepted)
    } else {
      decisions[next] = accepted
    }
    next = (next + 1) % Self.size
  }

  /// Accepted decisions / decisions in the window, NaN before the first.
  var rate: Double {
    decisions.isEmpty ? .nan : Double(decisions.filter { $0 }.count) / Double(decisions.count)
  }
}
