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
    for item in Self.items(argument) {
      guard let value = Double(item), value.isFinite else { return nil }
      values.append(value)
    }
    self.values = values
    text = argument
  }

  /// The items between the commas, spaces trimmed.
  static func items(_ text: String) -> [String] {
    text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
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
