import ArgumentParser

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, markdown

  /// None: each command offers a few of the formats and names them in its
  /// own help (`help(_:)`), so argument-parser must not list them all.
  static var allValueStrings: [String] { [] }

  /// The formats a command offers, for its help text.
  static func help(_ formats: [OutputFormat]) -> ArgumentHelp {
    ArgumentHelp("Output format: \(formats.map(\.rawValue).joined(separator: ", ")).")
  }

  /// Fails unless the command offers this format.
  func require(_ formats: [OutputFormat]) throws {
    guard formats.contains(self) else {
      throw ValidationError(
        "--format \(rawValue) is not offered here; choose \(formats.map(\.rawValue).joined(separator: ", "))")
    }
  }
}
