import ArgumentParser
import Foundation
import OptimizerCore

/// A comma-separated list of finite numbers (`1.5,-2`), as `--at` takes a
/// point. A malformed one is refused by argument-parser, naming the option
/// and the value, like any other option value.
struct NumberList: ExpressibleByArgument {
  let values: [Double]
  /// As given, for messages.
  let text: String

  init?(argument: String) {
    var values: [Double] = []
    for token in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard let value = Double(token.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
      values.append(value)
    }
    self.values = values
    text = argument
  }

  /// The list as a point of a landscape with `dimension` axes; how many
  /// coordinates it needs is only known once the landscape is.
  func point(option: String, dimension: Int) throws -> Vector {
    guard values.count == dimension else {
      throw CommandLineError(
        "\(option) '\(text)' has \(values.count) coordinate\(values.count == 1 ? "" : "s"); the landscape takes \(dimension)")
    }
    return Vector(values)
  }
}

/// Reads a point with exactly `dimension` coordinates from text, for
/// `--start`, whose option (in OptimizerOptions) still takes a string.
func parsePoint(_ text: String, option: String, dimension: Int) throws -> Vector {
  guard let list = NumberList(argument: text) else {
    throw CommandLineError("\(option) '\(text)' must be numbers separated by commas, e.g. -1.5,2")
  }
  return try list.point(option: option, dimension: dimension)
}
