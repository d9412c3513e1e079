import Foundation
import OptimizerCore

/// The process behind an external function (docs/PROTOCOL.md, "A
/// function"), shared by every copy of the `ExternalFunction` value and by
/// the threads that evaluate it: the session's steps and the heat map's
/// sampling take turns, first come first served (`inTurn`), so that a
/// session's one-point request waits for at most the batch in flight.
///
/// A failure (the process exited, timed out, broke the protocol) is kept
/// with the process's last lines of stderr, the process is ended, and
/// every evaluation from then on answers NaN.
final class FunctionLink: @unchecked Sendable {
  /// Seconds the handshake and each request may take.
  let timeout: Double
  /// Guards the turns: the ticket handed out next and the one served now.
  private let turns = NSCondition()
  private var nextTicket = 0
  private var serving = 0
  /// Held only to read or change `failed` and `requests`, so that the
  /// screen can ask for the failure while a slow request has its turn.
  private let failureLock = NSLock()
  private var process: ChildProcess?
  private var failed: ExternalFailure?
  /// `evaluate` requests sent so far: messages name the one at fault.
  private var requests = 0

  /// How many `evaluate` requests have been sent (read without waiting for a turn).
  var requestsSent: Int { failureLock.withLock { requests } }

  /// Starts `command`; the caller shakes hands (`shakeHands`) before the
  /// link is shared.
  init(command: String, timeout: Double) throws(ExternalFailure) {
    self.timeout = timeout
    do { process = try ChildProcess(command: command) } catch {
      throw ExternalFailure(error.description, stderr: [])
    }
  }

  deinit { endProcess() }

  /// Runs `body` alone with the process, after every caller that came
  /// before (a ticket lock: an NSLock would let the heat map's thread take
  /// it back batch after batch while the session waits).
  private func inTurn<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    turns.lock()
    let ticket = nextTicket
    nextTicket += 1
    while serving != ticket { turns.wait() }
    turns.unlock()
    defer {
      turns.lock()
      serving += 1
      turns.broadcast()
      turns.unlock()
    }
    return try body()
  }

  /// Why the function answers NaN, nil while it answers.
  var failure: ExternalFailure? { failureLock.withLock { failed } }

  /// Sends the handshake and reads the process's `hello`.
  func shakeHands(dimension: Int?) throws(ExternalFailure) -> ProtocolMessage {
    let hello = JSONValue.object([
      "type": .string("hello"), "protocol": .number(1), "role": .string("function"),
      "dimension": dimension.map { .number(Double($0)) } ?? .null,
    ])
    return try inTurn { () throws(ExternalFailure) -> ProtocolMessage in
      let answer = try exchange(hello, moment: "the handshake")
      do { try answer.require("hello") } catch { throw fail("\(error)") }
      return answer
    }
  }

  /// Fails the link with a message of the caller's (a handshake field out of range).
  func reject(_ message: String) -> ExternalFailure {
    inTurn { fail(message) }
  }

  /// f (and ∇f when `gradients`) at `points`: one `evaluate` request. NaN
  /// (and NaN gradients) once the process has failed.
  func evaluate(_ points: [Vector], gradients: Bool, dimension: Int) -> (values: [Double], gradients: [Vector]) {
    inTurn { request(points, gradients: gradients, dimension: dimension) }
  }

  /// One `evaluate` request; the caller has its turn.
  private func request(_ points: [Vector], gradients: Bool, dimension: Int) -> (values: [Double], gradients: [Vector]) {
    let unanswered = (
      [Double](repeating: .nan, count: points.count),
      gradients ? [Vector](repeating: Vector(repeating: .nan, dimension: dimension), count: points.count) : []
    )
    guard failure == nil, !points.isEmpty else { return unanswered }
    let number = failureLock.withLock {
      requests += 1
      return requests
    }
    let moment = "request \(number)"
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

  /// Ends the process (`end` first, then its group) once the request in
  /// flight is answered. Safe to call more than once.
  func end() { inTurn { endProcess() } }

  private func endProcess() {
    guard let process else { return }
    try? process.send(#"{"type":"end"}"#)
    process.end()
    self.process = nil
  }

  /// Sends a message and reads the answer within the timeout; the caller has its turn.
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
        throw fail("\(moment) took longer than \(formatNumber(timeout)) s")
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
  /// the caller has its turn.
  private func fail(_ message: String) -> ExternalFailure {
    let failure = ExternalFailure(message, stderr: process?.errorTail ?? [])
    failureLock.withLock { if failed == nil { failed = failure } }
    endProcess()
    return failure
  }
}
