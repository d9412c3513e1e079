extension Array where Element == Double {
  /// The indices ordered by value, lowest (best loss) first; ties go to the
  /// lower index, so that replays never depend on the sort.
  var rankedIndices: [Int] {
    indices.sorted { a, b in self[a] < self[b] || (self[a] == self[b] && a < b) }
  }
}
