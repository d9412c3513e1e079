import Foundation
import OptimizerCore

/// Reads a comma-separated list of numbers (`1.5,-2`), naming the bad
/// token when one is not a number.
func parseNumberList(_ text: String, option: String) throws -> [Double] {
  let tokens = text.split(separator: ",", omittingEmptySubsequences: false)
  return try tokens.map { token in
    let trimmed = token.trimmingCharacters(in: .whitespaces)
    guard let value = Double(trimmed), value.isFinite else {
      throw CommandLineError("malformed number '\(trimmed)' in \(option) '\(text)'")
    }
    return value
  }
}

/// Reads a point with exactly `dimension` coordinates.
func parsePoint(_ text: String, option: String, dimension: Int) throws -> Vector {
  let values = try parseNumberList(text, option: option)
  guard values.count == dimension else {
    throw CommandLineError(
      "\(option) '\(text)' has \(values.count) coordinate\(values.count == 1 ? "" : "s"); the landscape takes \(dimension)")
  }
  return Vector(values)
}
