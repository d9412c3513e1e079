import CChildProcess
import Foundation
import OptimizerCore

/// A command run as a child process that optiscope talks to by lines: its
/// stdin and stdout are pipes to optiscope, its stderr is read and its
/// last lines kept for the message when it fails.
///
/// The command runs under `/bin/sh -c` in a process group of its own, led
/// by a guard (`optiscope_spawn_guarded`) that ends the whole group when
/// asked and when optiscope is gone, even after a SIGKILL. `end()` (also
/// at deinit and at exit) ends it: `{"type": "end"}` is the caller's to
/// send; then stdin is closed, the process gets a second to exit, and the
/// group is ended. swift-subprocess is not used because its interface is
/// asynchronous and a step is not, and it has no guard for a SIGKILLed
/// parent.
public final class ChildProcess: @unchecked Sendable {
  public let command: String
  /// The guard's pid, which is also the group's id.
  public let pid: pid_t
  private var input: Int32
  private let output: Int32
  private let errors: Int32
  private var outputBuffer: [UInt8] = []
  private var errorBuffer: [UInt8] = []
  private var errorLines: [String] = []
  private var outputClosed = false
  private var errorsClosed = false
  private var exitStatus: Int32?
  /// Lines read from stdout so far (messages name the line at fault).
  public private(set) var linesRead = 0

  /// The longest line read from the process (docs/PROTOCOL.md).
  public static let maximumLineBytes = 8 << 20
  /// How many of its stderr lines are kept for a failure's message.
  public static let keptErrorLines = 8

  public init(command: String) throws(ChildProcessFailure) {
    self.command = command
    var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0], errorsFromChild: [Int32] = [0, 0]
    guard optiscope_pipe(&toChild) == 0 else { throw .couldNotStart(errno: errno) }
    guard optiscope_pipe(&fromChild) == 0 else { throw .couldNotStart(errno: errno) }
    guard optiscope_pipe(&errorsFromChild) == 0 else { throw .couldNotStart(errno: errno) }
    let pid = optiscope_spawn_guarded(command, toChild[0], fromChild[1], errorsFromChild[1])
    let spawnError = errno
    close(toChild[0])
    close(fromChild[1])
    close(errorsFromChild[1])
    guard pid > 0 else {
      close(toChild[1])
      close(fromChild[0])
      close(errorsFromChild[0])
      throw .couldNotStart(errno: spawnError)
    }
    self.pid = pid
    input = toChild[1]
    output = fromChild[0]
    errors = errorsFromChild[0]
    _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
    LiveChildren.shared.insert(pid)
  }

  deinit { end() }

  /// The last lines the process wrote on stderr, oldest first.
  public var errorTail: [String] {
    drainErrors()
    let partial = String(decoding: errorBuffer, as: UTF8.self)
    return Array((errorLines + (partial.isEmpty ? [] : [partial])).suffix(Self.keptErrorLines))
  }

  /// Writes one line (a newline is added).
  public func send(_ line: String) throws(ChildProcessFailure) {
    guard input >= 0 else { throw .inputClosed }
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { optiscope_write(input, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw try exitedOr(.inputClosed)
      }
      offset += written
    }
  }

  /// The next line from stdout, without its newline, waiting at most
  /// `timeout` seconds.
  public func readLine(timeout: Double) throws(ChildProcessFailure) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let newline = outputBuffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: outputBuffer[..<newline], as: UTF8.self)
        outputBuffer.removeSubrange(...newline)
        linesRead += 1
        return line
      }
      guard outputBuffer.count <= Self.maximumLineBytes else { throw .lineTooLong(line: linesRead + 1) }
      if outputClosed { throw try exitedOr(.outputClosed) }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { throw .timedOut(seconds: timeout) }
      var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
      if !errorsClosed { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000) + 1)
      if ready < 0 && errno != EINTR { throw .outputClosed }
      drainErrors()
      readAvailable(from: output, into: &outputBuffer, closed: &outputClosed)
    }
  }

  /// Ends the process: closes its stdin, gives it a second to exit, then
  /// ends its whole group. Safe to call more than once.
  public func end() {
    guard LiveChildren.shared.remove(pid) else { return }
    if input >= 0 { close(input) }
    input = -1
    let deadline = Date().addingTimeInterval(1)
    while reap() == nil && Date() < deadline { usleep(10_000) }
    if exitStatus == nil {
      kill(-pid, SIGTERM)
      let grace = Date().addingTimeInterval(1)
      while reap() == nil && Date() < grace { usleep(10_000) }
      if exitStatus == nil {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
      }
    }
    close(output)
    close(errors)
  }

  /// The exit status once the process is gone (reaped without waiting).
  private func reap() -> Int32? {
    if let exitStatus { return exitStatus }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
    // The guard exits with the command's status, 128 + n after signal n.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    exitStatus = code
    return code
  }

  /// The failure to report when a pipe closed: the exit, if the process
  /// is gone within a moment, else `failure`.
  private func exitedOr(_ failure: ChildProcessFailure) throws(ChildProcessFailure) -> ChildProcessFailure {
    let deadline = Date().addingTimeInterval(0.5)
    while reap() == nil && Date() < deadline { usleep(5_000) }
    guard let code = reap() else { return failure }
    return code > 128 ? .killed(signal: code - 128) : .exited(status: code)
  }

  private func drainErrors() {
    guard !errorsClosed else { return }
    readAvailable(from: errors, into: &errorBuffer, closed: &errorsClosed)
    while let newline = errorBuffer.firstIndex(of: UInt8(ascii: "\n")) {
      errorLines.append(String(decoding: errorBuffer[..<newline], as: UTF8.self))
      errorBuffer.removeSubrange(...newline)
    }
    if errorLines.count > Self.keptErrorLines { errorLines.removeFirst(errorLines.count - Self.keptErrorLines) }
    // A line without end is kept only in part, so that junk cannot fill memory.
    if errorBuffer.count > 4096 { errorBuffer.removeFirst(errorBuffer.count - 4096) }
  }

  private func readAvailable(from fd: Int32, into buffer: inout [UInt8], closed: inout Bool) {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[..<count])
        if fd == output && buffer.count > Self.maximumLineBytes { return }
        continue
      }
      if count == 0 { closed = true }
      return
    }
  }
}

/// Why talking to a child process failed, before any protocol is read.
public enum ChildProcessFailure: Error, Sendable, Equatable, CustomStringConvertible {
  case couldNotStart(errno: Int32)
  case exited(status: Int32)
  case killed(signal: Int32)
  case timedOut(seconds: Double)
  case lineTooLong(line: Int)
  case inputClosed, outputClosed

  public var description: String {
    switch self {
    case .couldNotStart(let code): return "could not start it: \(String(cString: strerror(code)))"
    case .exited(let status): return "the process exited with status \(status)"
    case .killed(let signal): return "the process was killed by signal \(signal)"
    case .timedOut(let seconds): return "no answer within \(formatNumber(seconds)) s (--step-timeout)"
    case .lineTooLong(let line): return "line \(line) of its output is longer than 8 MiB"
    case .inputClosed: return "the process closed its input"
    case .outputClosed: return "the process closed its output"
    }
  }
}

/// The process groups of the children alive now, ended at exit so that a
/// quit leaves none behind (a SIGKILL is the guard's to handle).
final class LiveChildren: @unchecked Sendable {
  static let shared = LiveChildren()
  private let lock = NSLock()
  private var groups: Set<pid_t> = []
  private var registeredExit = false

  func insert(_ group: pid_t) {
    lock.lock()
    defer { lock.unlock() }
    groups.insert(group)
    if !registeredExit {
      registeredExit = true
      atexit { LiveChildren.shared.endAll() }
    }
  }

  /// True when `group` was alive (and is now forgotten).
  func remove(_ group: pid_t) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return groups.remove(group) != nil
  }

  /// Asks every live group's guard to end its group.
  func endAll() {
    lock.lock()
    let all = groups
    groups = []
    lock.unlock()
    for group in all { kill(-group, SIGTERM) }
  }
}
