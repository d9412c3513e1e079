import Foundation
import Testing

/// Standard output is checked like a file (issue 11, item 4): a full disk
/// is one line on stderr and a non-zero status, never a silent truncation;
/// a reader that goes away ends optiscope at once and quietly with 141;
/// `run --format csv` streams its rows in bounded memory.
@Suite struct StandardOutputTests {
  static let fullDiskMessage = "optiscope: error: writing standard output: No space left on device\n"

  /// A command of each kind that prints to stdout, small enough to be quick.
  static let commands: [[String]] = [
    ["run", "-l", "rosenbrock", "-o", "adam", "--steps", "50"],
    ["run", "-l", "rosenbrock", "-o", "adam", "--steps", "50", "--format", "csv"],
    ["run", "-l", "rosenbrock", "-o", "adam", "--steps", "50", "--format", "json"],
    ["run", "tour", "--format", "csv"],
    ["list", "landscapes"],
    ["list", "optimizers", "--format", "json"],
    ["scenes"],
    ["scenes", "--format", "json"],
    ["render", "-l", "himmelblau", "-o", "pso", "--steps", "5", "--size", "40x12"],
    ["render", "-l", "himmelblau", "-o", "pso", "--steps", "5", "--format", "svg", "--output", "-"],
    ["bench", "run", "--optimizers", "nelder-mead", "--landscapes", "sphere", "--seeds", "1", "--evals", "100"],
    ["eval", "-l", "rosenbrock", "--at", "1,1"],
    ["replay", "tour", "--headless", "--break", "step == 3"],
    ["run", "--help"],
  ]

  @Test(arguments: commands)
  func aFullDiskIsOneLineAndAFailure(_ arguments: [String]) throws {
    let outcome = try CommandRunner.run(OptiscopeBinary.path, arguments, standardOutput: "/dev/full")
    #expect(outcome.status == 2, "\(arguments)")
    #expect(outcome.stderr.hasSuffix(Self.fullDiskMessage), "\(arguments): \(outcome.stderr)")
    #expect(outcome.stderr.components(separatedBy: "error:").count == 2, "one error line: \(outcome.stderr)")
  }

  /// A long CSV on a full disk stops at its first chunk instead of
  /// computing the rest (a hundred million steps take minutes).
  @Test func aFullDiskStopsALongRunAtOnce() throws {
    let clock = ContinuousClock()
    var outcome: CommandRunner.Outcome?
    let elapsed = try clock.measure {
      outcome = try CommandRunner.run(
        OptiscopeBinary.path, ["run", "-l", "sphere", "-o", "gd", "--steps", "100000000", "--format", "csv"],
        standardOutput: "/dev/full")
    }
    #expect(outcome?.status == 2)
    #expect(outcome?.stderr == Self.fullDiskMessage)
    #expect(elapsed < .seconds(30))
  }

  /// `optiscope run … --format csv | head -1`: optiscope is ended by the
  /// closed pipe, quietly, whether SIGPIPE has its default action (the
  /// kernel ends it) or is ignored (optiscope sees EPIPE and ends itself
  /// with the same status).
  @Test(arguments: [false, true])
  func aClosedPipeEndsTheRunQuickly(ignoringSIGPIPE: Bool) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-pipe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("rows").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // The reader opens first, so that optiscope's open for writing finds
    // it; then it reads one line and closes, like head -1. Opened for
    // reading and writing, as Linux allows for a FIFO, so that the open
    // does not wait and a read before optiscope's first write waits for it
    // instead of seeing the end; close-on-exec, so that optiscope does not
    // inherit a reader of its own.
    let reader = open(fifo, O_RDWR | O_CLOEXEC)
    try #require(reader >= 0)
    let firstLine = FirstLineReader(reader)

    let run = ["run", "-l", "sphere", "-o", "gd", "--steps", "100000000", "--format", "csv"]
    // A shell's `trap '' PIPE` ignores the signal, and exec keeps it ignored.
    let (executable, arguments) =
      ignoringSIGPIPE
      ? ("/bin/sh", ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", OptiscopeBinary.path] + run)
      : (OptiscopeBinary.path, run)
    let clock = ContinuousClock()
    var outcome: CommandRunner.Outcome?
    let elapsed = try clock.measure {
      outcome = try CommandRunner.run(executable, arguments, standardOutput: fifo)
    }
    #expect(firstLine.wait() == "step,evaluations,x,y,loss,best_x,best_y,best_loss")
    #expect(outcome?.status == 128 + SIGPIPE)
    #expect(outcome?.stderr == "", "no message, no stack trace")
    #expect(elapsed < .seconds(30))
  }

  /// Issue 11: `run --steps 2000000 --format csv > /dev/null` stays under
  /// 100 MB resident (it held every row, and a trace entry per step).
  @Test func aLongCSVStreamsInBoundedMemory() throws {
    let outcome = try CommandRunner.run(
      OptiscopeBinary.path, ["run", "-l", "sphere", "-o", "gd", "--steps", "2000000", "--format", "csv"],
      standardOutput: "/dev/null", measuringMemory: true)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let peak = try #require(outcome.peakResidentKilobytes)
    #expect(peak < 100 * 1024, "\(peak) KiB")
  }
}

/// Reads a descriptor up to its first line break on a thread of its own,
/// then closes it, as `head -1` does.
private final class FirstLineReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var line = ""

  init(_ descriptor: Int32) {
    Thread.detachNewThread { [self] in
      var bytes: [UInt8] = []
      var byte: UInt8 = 0
      while true {
        let count = read(descriptor, &byte, 1)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 || byte == UInt8(ascii: "\n") { break }
        bytes.append(byte)
      }
      close(descriptor)
      line = String(decoding: bytes, as: UTF8.self)
      done.signal()
    }
  }

  /// The line, once read.
  func wait() -> String {
    done.wait()
    return line
  }
}
