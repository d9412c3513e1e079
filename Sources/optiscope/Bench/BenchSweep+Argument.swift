import ArgumentParser
import Engine
import Foundation

/// `--sweep [name:]key=low..high[:n][:log]`: the form is checked here, so
/// that a malformed one fails like any other option; what the numbers say
/// (`BenchSweep.problem`) and the key (against the optimizers benchmarked)
/// are checked by `bench run`, with messages that name what is wrong.
extension BenchSweep: ExpressibleByArgument {
  public init?(argument: String) {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let target = argument[..<equals]
    var optimizer: String?
    var key = target.trimmingCharacters(in: .whitespaces)
    if let colon = target.firstIndex(of: ":") {
      optimizer = target[..<colon].trimmingCharacters(in: .whitespaces)
      key = target[target.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if optimizer!.isEmpty { return nil }
    }
    guard !key.isEmpty else { return nil }
    var parts = argument[argument.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard let range = parts.first, let dots = range.range(of: ".."),
      let low = Double(range[..<dots.lowerBound]), let high = Double(range[dots.upperBound...])
    else { return nil }
    parts.removeFirst()
    let logarithmic = parts.last == "log"
    if logarithmic { parts.removeLast() }
    var count = BenchSweep.defaultCount
    if let text = parts.first {
      guard let n = Int(text) else { return nil }
      count = n
      parts.removeFirst()
    }
    guard parts.isEmpty else { return nil }
    self.init(optimizer: optimizer, key: key, low: low, high: high, count: count, logarithmic: logarithmic)
  }
}
