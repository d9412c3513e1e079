/// The lines removed from `expected` and inserted into `actual`, with their
/// line numbers, marked "-" and "+" (each between bars, so that trailing
/// spaces show).
public func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var output: [String] = []
  for change in new.difference(from: old) {
    switch change {
    case .remove(let offset, let line, _): output.append("- \(offset + 1): |\(line)|")
    case .insert(let offset, let line, _): output.append("+ \(offset + 1): |\(line)|")
    }
  }
  return output.joined(separator: "\n")
}
