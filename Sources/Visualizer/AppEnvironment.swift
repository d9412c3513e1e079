import Foundation

/// What `update` may know of the world outside its state: the date, for
/// the time stamp in a suggested file name, and what lies at a path, for
/// the save's questions. The terminal runs with `live`; tests pass a fake,
/// so that no test of `update` touches the file system or the clock.
public struct AppEnvironment: Sendable {
  /// What is at a path.
  public enum Entry: Sendable, Hashable {
    case file, folder, other
  }

  /// The wall-clock date now.
  public var date: @Sendable () -> Date
  /// What lies at a path (relative to the working directory unless it
  /// starts with /); nil when nothing does.
  public var entry: @Sendable (_ path: String) -> Entry?
  /// The home folder, for `~/` in typed paths.
  public var home: String

  public init(
    date: @escaping @Sendable () -> Date, entry: @escaping @Sendable (_ path: String) -> Entry?, home: String
  ) {
    self.date = date
    self.entry = entry
    self.home = home
  }

  /// The real clock and file system.
  public static let live = AppEnvironment(
    date: { Date() },
    entry: { path in
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
      if isFolder.boolValue { return .folder }
      let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
      return type == .typeRegular ? .file : .other
    },
    home: NSHomeDirectory())

  /// `~/x` → home + `/x`; other paths unchanged.
  public func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    return home + path.dropFirst()
  }
}
