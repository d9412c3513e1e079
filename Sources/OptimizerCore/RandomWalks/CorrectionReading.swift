/// The two readings of the reverse-order correction (docs: the catalog's
/// random walks), which agree at K = 2 and differ from K = 3 up. Both
/// correct d[0] first, d[0] ← d[0] − c[1], the opposite of the change that
/// reached the velocity.
enum CorrectionReading: String, CaseIterable, Sendable {
  /// Every order from its own pre-rejection values, d[i] ← d[i] − c[i+1]
  /// for i = 0…K−2: the order of processing changes nothing.
  case independent
  /// From the lowest order up, each order from the one below it as already
  /// corrected: d[i] ← d′[i−1] − d[i−1] for i ≥ 1, the change the corrected
  /// order below made. That is the relation an accepted move leaves
  /// (d[i] = c[i] = c[i−1] − d[i−1]), so no higher order keeps pushing an
  /// uncorrected lower one.
  case chained
}
