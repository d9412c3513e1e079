import Foundation

/// The one switch that re-records every golden file: snapshots, the
/// optimizer results, docs/KEYS.md and the curated scenes' checksums.
///
/// `RECORD=1 swift test --filter X` writes what the tests compute instead of
/// comparing it, so the change shows in review as a diff of those files.
public enum Recording {
  /// The environment variable and the value that turn recording on.
  public static let variable = "RECORD"

  /// True when the tests run with RECORD=1.
  public static var isOn: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

  /// How to re-record what the tests in `suite` compare, for failure messages.
  public static func hint(for suite: String) -> String { "\(variable)=1 swift test --filter \(suite)" }
}
