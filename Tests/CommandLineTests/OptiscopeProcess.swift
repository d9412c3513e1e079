import Foundation

/// Runs the built `optiscope` binary as a user would, capturing its output.
struct OptiscopeProcess {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The child's peak resident memory (Linux's VmHWM, sampled while it
    /// ran), when `run` was asked to measure it.
    var peakResidentBytes: Int?
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

  /// Runs the binary with stdout and stderr going to temporary files (pipes
  /// read through FileHandle can fail with EINTR under the test runner),
  /// with `environment` added to the test's own; `measuringMemory` notes
  /// the child's peak resident memory.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], measuringMemory: Bool = false
  ) throws -> Outcome {
    let directory = FileManager.default.temporaryDirectory
    let token = UUID().uuidString
    let outURL = directory.appendingPathComponent("optiscope-\(token).out")
    let errURL = directory.appendingPathComponent("optiscope-\(token).err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var peak: Int?
    if measuringMemory {
      // The high-water mark only grows; the last reading before the child
      // exits (a zombie has none) is its peak but for the final moments.
      let status = "/proc/\(process.processIdentifier)/status"
      while process.isRunning {
        if let text = try? String(contentsOfFile: status, encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        {
          peak = kilobytes * 1024
        }
        usleep(10_000)
      }
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Outcome(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), peakResidentBytes: peak)
  }

  /// Parses stdout as JSON.
  static func json(_ arguments: [String]) throws -> Any {
    let outcome = try run(arguments)
    guard outcome.status == 0 else { throw Failure(message: "exit \(outcome.status): \(outcome.stderr)") }
    return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
  }

  struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}
