import Foundation

/// The built `optiscope` binary the end-to-end tests run.
enum OptiscopeBinary {
  /// The binary beside the test bundle (SwiftPM builds both into one folder).
  static let path: String = {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundleDirectory.appendingPathComponent("optiscope"),
      bundleDirectory.deletingLastPathComponent().appendingPathComponent("optiscope"),
    ]
    return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]).path
  }()

  /// Where the sessions' recovery files go: emptied once per test run, so
  /// that what killed sessions left behind lasts only until the next run.
  private static let recoveryFolder: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-e2e-recovery").path
    try? FileManager.default.removeItem(atPath: folder)
    return folder
  }()

  /// A recovery file path of a session's own (`OPTISCOPE_RECOVERY`), so
  /// that the tests never touch the user's and no session finds another's.
  static func freshRecoveryPath() -> String {
    recoveryFolder + "/\(UUID().uuidString)/recovery.yaml"
  }
}
