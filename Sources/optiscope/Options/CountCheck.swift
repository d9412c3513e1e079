import ArgumentParser

/// Refuses a count outside `range`, naming the option: "--steps must be
/// positive or 0, got -5", "--dim must be at most 1000000, got 2000000".
/// Counts are parsed unconditionally, so that a negative one reaches this
/// check instead of reading as an option.
func requireCount(_ value: Int?, _ option: String, in range: ClosedRange<Int>) throws {
  guard let value, !range.contains(value) else { return }
  if value > range.upperBound { throw ValidationError("\(option) must be at most \(range.upperBound), got \(value)") }
  switch range.lowerBound {
  case 0: throw ValidationError("\(option) must be positive or 0, got \(value)")
  case 1: throw ValidationError("\(option) must be positive, got \(value)")
  default: throw ValidationError("\(option) must be at least \(range.lowerBound), got \(value)")
  }
}
