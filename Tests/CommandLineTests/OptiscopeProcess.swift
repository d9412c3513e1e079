import Foundation

/// Runs the built `optiscope` binary as a user would, capturing its output.
struct OptiscopeProcess {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The binary beside the test bundle (SwiftPM builds both into one folder).
  static let executable: URL = {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundleDirectory.appendingPathComponent("optiscope"),
      bundleDirectory.deletingLastPathComponent().appendingPathComponent("optiscope"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  static func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read before waiting, so that a large output cannot fill the pipe.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Parses stdout as JSON.
  static func json(_ arguments: [String]) throws -> Any {
    let outcome = try run(arguments)
    guard outcome.status == 0 else { throw Failure(message: "exit \(outcome.status): \(outcome.stderr)") }
    return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
  }

  struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}
