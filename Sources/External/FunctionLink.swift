import Foundation
import OptimizerCore

/// The process behind an external function (docs/PROTOCOL.md, "A
/// function"), shared by every copy of the `ExternalFunction` value and by
/// the threads that evaluate it: the session's steps and the heat map's
/// sampling take turns through one lock.
///
/// A failure (the process exited, timed out, broke the protocol) is kept
/// with the process's last lines of stderr, the process is ended, and
/// every evaluation from then on answers NaN.
final class FunctionLink: @unchecked Sendable {
  let command: String
  let timeout: Double
  /// Held for a whole exchange with the process.
  private let lock = NSLock()
  /// Held only to read or keep `failed`, so that the screen can ask for the
  /// failure while a slow request holds `lock`.
  private let failureLock = NSLock()
  private var process: ChildProcess?
  private var failed: ExternalFailure?
  /// `evaluate` requests sent so far: messages name the one at fault.
  private var requests = 0

  /// Starts `command`; `handshake` is the process's `hello`, read before
  /// the link is shared.
  init(command: String, timeout: Double) throws(ExternalFailure) {
    self.command = command
    self.timeout = timeout
    do { process = try ChildProcess(command: command) } catch {
      throw ExternalFailure(error.description, stderr: [])
    }
  }

  deinit { end() }

  /// Why the function answers NaN, nil while it answers.
  var failure: ExternalFailure? { failureLock.withLock { failed } }

  /// Sends the handshake and reads the process's `hello`.
  func shakeHands(dimension: Int?) throws(ExternalFailure) -> ProtocolMessage {
    let hello = JSONValue.object([
      "type": .string("hello"), "protocol": .number(1), "role": .string("function"),
      "dimension": dimension.map { .number(Double($0)) } ?? .null,
    ])
    lock.lock()
    defer { lock.unlock() }
    let answer = try exchange(hello, moment: "the handshake")
    do { try answer.require("hello") } catch { throw fail(error.description) }
    return answer
  }

  /// Fails the link with a message of the caller's (a handshake field out of range).
  func reject(_ message: String) -> ExternalFailure {
    lock.withLock { fail(message) }
  }

  /// f (and ∇f when `gradients`) at `points`: one `evaluate` request. NaN
  /// (and NaN gradients) once the process has failed.
  func evaluate(_ points: [Vector], gradients: Bool, dimension: Int) -> (values: [Double], gradients: [Vector]) {
    lock.lock()
    defer { lock.unlock() }
    let unanswered = (
      [Double](repeating: .nan, count: points.count),
      gradients ? [Vector](repeating: Vector(repeating: .nan, dimension: dimension), count: points.count) : []
    )
    guard failure == nil, !points.isEmpty else { return unanswered }
    requests += 1
    let moment = "request \(requests)"
    let message = JSONValue.object([
      "type": .string("evaluate"), "points": .array(points.map { .point($0.components) }),
      "gradients": .bool(gradients),
    ])
    do {
      let answer = try exchange(message, moment: moment)
      do {
        try answer.require("values")
        let values = try answer.numbers("values", count: points.count)
        guard gradients else { return (values, []) }
        let vectors = try answer.points("gradients", dimension: dimension)
        guard vectors.count == points.count else {
          throw ProtocolViolation("'values' at \(moment): 'gradients' has \(vectors.count) entries for \(points.count) points")
        }
        return (values, vectors)
      } catch {
        throw fail("\(error)")
      }
    } catch {
      return unanswered
    }
  }

  /// Ends the process (`end` first, then its group). Safe to call more than once.
  func end() {
    guard let process else { return }
    try? process.send(#"{"type":"end"}"#)
    process.end()
    self.process = nil
  }

  /// Sends a message and reads the answer within the timeout; the caller holds the lock.
  private func exchange(_ message: JSONValue, moment: String) throws(ExternalFailure) -> ProtocolMessage {
    guard let process else { throw failure ?? ExternalFailure("the process is not running", stderr: []) }
    do {
      try process.send(message.line)
      let line = try process.readLine(timeout: timeout)
      do { return try ProtocolMessage(line: line, number: process.linesRead, moment: moment) } catch {
        throw fail(error.description)
      }
    } catch let failure as ExternalFailure {
      throw failure
    } catch let childFailure as ChildProcessFailure {
      switch childFailure {
      case .timedOut:
        throw fail("\(moment) took longer than \(formatSeconds(timeout)) s")
      case .exited, .killed, .inputClosed, .outputClosed:
        throw fail("\(childFailure.description) during \(moment)")
      default:
        throw fail(childFailure.description)
      }
    } catch {
      throw fail("\(error)")
    }
  }

  /// Keeps the failure with the last lines of stderr and ends the process;
  /// the caller holds the lock.
  private func fail(_ message: String) -> ExternalFailure {
    let failure = ExternalFailure(message, stderr: process?.errorTail ?? [])
    failureLock.withLock { if failed == nil { failed = failure } }
    end()
    return failure
  }
}
