import Foundation

/// The external functions started so far, one process per command and
/// dimension: a landscape source is made many times (the command line, the
/// session, a scene's reader, a save's replay), and each time must reach
/// the same process rather than start another. They end at exit
/// (`ChildProcess`).
public enum ExternalFunctions {
  private struct Key: Hashable {
    var command: String
    var dimension: Int?
  }

  nonisolated(unsafe) private static var started: [Key: ExternalFunction] = [:]
  private static let lock = NSLock()

  /// The function of `command`, started (and its handshake read) the first
  /// time it is asked for.
  public static func function(command: String, dimension: Int?) throws(ExternalFailure) -> ExternalFunction {
    lock.lock()
    defer { lock.unlock() }
    let key = Key(command: command, dimension: dimension)
    if let function = started[key] { return function }
    let function = try ExternalFunction(command: command, dimension: dimension)
    started[key] = function
    return function
  }
}
