/// The candidate nearest to a mistyped name, for "did you mean …?" messages.
///
/// Nearest by Levenshtein distance over lowercased text, counting a candidate
/// that contains the input as distance 1; nil when nothing is within
/// max(2, ⌈len/3⌉) edits, so that unrelated words get no suggestion.
public func nearestName(to input: String, in candidates: some Sequence<String>) -> String? {
  let typed = input.lowercased()
  let length = typed.count, limit = max(2, (length + 2) / 3)
  var best: (name: String, distance: Int)?
  for candidate in candidates {
    let lowered = candidate.lowercased()
    let distance: Int
    if lowered.contains(typed) && !typed.isEmpty {
      distance = 1
    } else if abs(lowered.count - length) > limit {
      // The distance is at least the difference in length: too far, and a
      // long input (a file's whole line) is not compared letter by letter.
      continue
    } else {
      distance = editDistance(typed, lowered)
    }
    if best == nil || distance < best!.distance { best = (candidate, distance) }
  }
  guard let best, best.distance <= limit else { return nil }
  return best.name
}

/// " (did you mean 'x'?)" or "", to end an error message.
public func suggestionSuffix(for input: String, in candidates: some Sequence<String>) -> String {
  nearestName(to: input, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
}

/// The Levenshtein distance: the fewest insertions, deletions and
/// substitutions that turn a into b.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
