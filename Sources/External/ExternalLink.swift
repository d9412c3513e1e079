import Foundation
import OptimizerCore

/// The process behind one external optimizer, and where it stands: how
/// many steps it has taken and which settings it knows. Optimizer values
/// are copied (step-back keeps snapshots); they all reach the one process
/// through `ExternalTapes`, and a copy that finds it elsewhere than it
/// needs starts it again and drives it there (`ExternalOptimizer`).
final class ExternalLink: @unchecked Sendable {
  private(set) var process: ChildProcess?
  /// Steps the process has taken since its handshake, counted from the run's start.
  var processStep = 0
  /// The first step of the tape segment the process was started for.
  var segmentStart = 0
  /// The settings the process holds, in the specs' order.
  var processSettings: [Double] = []
  /// What the process is: its command, and the name and hyperparameters it declared.
  private(set) var command: String?
  private(set) var name: String?
  private(set) var specs: [HyperparameterSpec] = []

  var isRunning: Bool { process != nil }

  deinit { end() }

  /// Whether a process runs and stands at `step` of the segment starting at `segment`.
  func isReady(at step: Int, segment: Int) -> Bool {
    process != nil && processStep == step && segmentStart == segment
  }

  func end() {
    guard let process else { return }
    try? process.send(#"{"type":"end"}"#)
    process.end()
    self.process = nil
  }

  /// Starts the command and shakes hands: what it answered.
  func start(
    command: String, hello: JSONValue, timeout: Double, dimension: Int
  ) throws(ExternalFailure) -> (name: String, specs: [HyperparameterSpec]) {
    end()
    let process: ChildProcess
    do { process = try ChildProcess(command: command) } catch { throw ExternalFailure(error.description, stderr: []) }
    self.process = process
    let answer = try exchange(hello, moment: "the handshake", timeout: timeout)
    do {
      try answer.require("hello")
      let declared = (name: try Self.name(of: answer), specs: try Self.specs(of: answer))
      (self.command, name, specs) = (command, declared.name, declared.specs)
      return declared
    } catch {
      throw failure(error.description)
    }
  }

  /// Asks the process to start over from `start` with `seed` (`reset`):
  /// true when it did, false when it refused.
  func reset(start: [Vector], seed: UInt64, timeout: Double) throws(ExternalFailure) -> Bool {
    let message = JSONValue.object([
      "type": .string("reset"), "start": .array(start.map { .point($0.components) }), "seed": .number(Double(seed)),
    ])
    let answer = try exchange(message, moment: "'reset'", timeout: timeout)
    do { try answer.require("ok", "refused") } catch { throw failure(error.description) }
    guard answer.type == "ok" else { return false }
    processStep = 0
    segmentStart = 0
    return true
  }

  /// Sends `set` for every value that differs from what the process holds;
  /// the indices it refused, with its reasons.
  func sendSettings(_ settings: [Double], specs: [HyperparameterSpec], timeout: Double) throws(ExternalFailure)
    -> [(index: Int, message: String)]
  {
    var refusals: [(Int, String)] = []
    for index in settings.indices where index < processSettings.count && settings[index] != processSettings[index] {
      let message = JSONValue.object([
        "type": .string("set"), "name": .string(specs[index].name), "value": .finite(settings[index]),
      ])
      let answer = try exchange(message, moment: "'set \(specs[index].name)'", timeout: timeout)
      do {
        try answer.require("ok", "refused")
        if answer.type == "refused" {
          refusals.append((index, (try? answer.string("message")) ?? "no reason given"))
        } else {
          processSettings[index] = settings[index]
        }
      } catch {
        throw failure(error.description)
      }
    }
    return refusals
  }

  /// One step: sends `step`, answers each `evaluate` with `answer`, and
  /// returns the `done`. The whole step has `timeout` seconds.
  func step(
    _ number: Int, dimension: Int, timeout: Double,
    answer: (_ points: [Vector], _ wantsGradients: Bool, _ moment: String) throws(ExternalFailure) -> JSONValue
  ) throws(ExternalFailure) -> ExternalTape.Outcome {
    let moment = "step \(number)"
    let deadline = Date().addingTimeInterval(timeout)
    var message = try exchange(
      .object(["type": .string("step"), "step": .number(Double(number))]), moment: moment, timeout: timeout,
      deadline: deadline)
    while true {
      do {
        try message.require("evaluate", "done")
        if message.type == "done" {
          let outcome = try Self.outcome(of: message, dimension: dimension)
          processStep += 1
          return outcome
        }
        let points = try message.points("points", dimension: dimension)
        guard !points.isEmpty else { throw ProtocolViolation("'evaluate' at \(moment) asks for no points") }
        guard points.count <= Self.maximumBatch else {
          throw ProtocolViolation("'evaluate' at \(moment) asks for \(points.count) points; at most \(Self.maximumBatch) at once")
        }
        let reply = try answer(points, try message.bool("gradients", default: false), moment)
        message = try exchange(reply, moment: moment, timeout: timeout, deadline: deadline)
      } catch let violation as ProtocolViolation {
        throw failure(violation.description)
      } catch let failure as ExternalFailure {
        throw failure
      } catch {
        throw self.failure("\(error)")
      }
    }
  }

  /// The most points one `evaluate` may ask for.
  static let maximumBatch = 1 << 20

  /// Sends a message and reads the answer, within the deadline.
  private func exchange(
    _ message: JSONValue, moment: String, timeout: Double, deadline: Date? = nil
  ) throws(ExternalFailure) -> ProtocolMessage {
    guard let process else { throw ExternalFailure("the process is not running", stderr: []) }
    do {
      try process.send(message.line)
      let left = (deadline ?? Date().addingTimeInterval(timeout)).timeIntervalSinceNow
      let line = try process.readLine(timeout: max(left, 0))
      do { return try ProtocolMessage(line: line, number: process.linesRead, moment: moment) } catch {
        throw failure(error.description)
      }
    } catch let failure as ExternalFailure {
      throw failure
    } catch let childFailure as ChildProcessFailure {
      switch childFailure {
      case .timedOut:
        throw failure("\(moment) took longer than \(formatNumber(timeout)) s (--step-timeout)")
      case .exited, .killed, .inputClosed, .outputClosed:
        throw failure("\(childFailure.description) during \(moment)")
      default:
        throw failure(childFailure.description)
      }
    } catch {
      throw failure("\(error)")
    }
  }

  /// A failure with the process's last lines of stderr; the process is ended.
  private func failure(_ message: String) -> ExternalFailure {
    let tail = process?.errorTail ?? []
    end()
    return ExternalFailure(message, stderr: tail)
  }

  private static func name(of answer: ProtocolMessage) throws(ProtocolViolation) -> String {
    let name = try answer.string("name").escapingControlCharacters()
    guard !name.isEmpty else { throw ProtocolViolation("'hello' at the handshake: 'name' is empty") }
    return name.count > 40 ? String(name.prefix(39)) + "…" : name
  }

  /// The hyperparameters a handshake declares, each checked as the
  /// built-in ones are.
  private static func specs(of answer: ProtocolMessage) throws(ProtocolViolation) -> [HyperparameterSpec] {
    guard answer.has("hyperparameters") else { return [] }
    var specs: [HyperparameterSpec] = []
    for (index, item) in try answer.array("hyperparameters").enumerated() {
      let place = "'hyperparameters'[\(index)]"
      guard case .object(let fields) = item else {
        throw ProtocolViolation("'hello' at the handshake: \(place) should be an object, got \(item.kindDescription)")
      }
      let entry = ProtocolMessage(type: "hello", fields: fields, moment: "the handshake, \(place)")
      let name = try entry.string("name")
      guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
        throw ProtocolViolation("'hello' at the handshake: \(place) is named '\(name.escapingControlCharacters())'; a name has letters, digits and _ only")
      }
      guard !specs.contains(where: { $0.name == name }) else {
        throw ProtocolViolation("'hello' at the handshake: \(place) repeats the name '\(name)'")
      }
      let bounds = try entry.numbers("range", count: 2)
      let defaultValue = try entry.number("default")
      guard bounds[0].isFinite, bounds[1].isFinite, bounds[0] <= bounds[1] else {
        throw ProtocolViolation("'hello' at the handshake: \(place) ('\(name)') has the range [\(bounds[0]), \(bounds[1])]; it needs low ≤ high")
      }
      guard (bounds[0]...bounds[1]).contains(defaultValue) else {
        throw ProtocolViolation("'hello' at the handshake: \(place) ('\(name)') has its default \(exactNumber(defaultValue)) outside its range")
      }
      let scaleName = entry.has("scale") ? try entry.string("scale") : "linear"
      guard let scale = HyperparameterSpec.Scale(rawValue: scaleName) else {
        throw ProtocolViolation("'hello' at the handshake: \(place) ('\(name)') has the scale '\(scaleName)'; it is linear or log")
      }
      guard scale == .linear || bounds[0] > 0 else {
        throw ProtocolViolation("'hello' at the handshake: \(place) ('\(name)') is on a log scale, so its range must be positive")
      }
      let kindName = entry.has("kind") ? try entry.string("kind") : "real"
      let kinds: [String: HyperparameterSpec.Kind] = ["real": .real, "integer": .integer, "boolean": .boolean]
      guard let kind = kinds[kindName] else {
        throw ProtocolViolation("'hello' at the handshake: \(place) ('\(name)') has the kind '\(kindName)'; it is real, integer or boolean")
      }
      var spec = HyperparameterSpec(
        name, symbol: entry.has("symbol") ? try entry.string("symbol") : name, default: defaultValue,
        range: bounds[0]...bounds[1], scale: scale, kind: kind,
        help: entry.has("help") ? try entry.string("help").escapingControlCharacters() : "")
      if let problem = spec.problem(with: defaultValue) {
        throw ProtocolViolation("'hello' at the handshake: \(place): \(problem)")
      }
      spec.symbol = spec.symbol.escapingControlCharacters()
      specs.append(spec)
    }
    return specs
  }

  /// A step's `done`, checked.
  private static func outcome(of message: ProtocolMessage, dimension: Int) throws(ProtocolViolation)
    -> ExternalTape.Outcome
  {
    let particles = try message.points("particles", dimension: dimension)
    guard !particles.isEmpty else { throw ProtocolViolation("'done' at \(message.moment) has no particles; it needs at least one") }
    var outcome = ExternalTape.Outcome(particles: particles)
    if message.has("losses") { outcome.losses = try message.numbers("losses", count: particles.count) }
    if message.has("roles") {
      let roles = try message.array("roles")
      guard roles.count == particles.count else {
        throw ProtocolViolation("'done' at \(message.moment): 'roles' has \(roles.count) entries for \(particles.count) particles")
      }
      outcome.roles = try roles.enumerated().map { (index, role) throws(ProtocolViolation) in
        guard case .string(let text) = role else {
          throw ProtocolViolation("'done' at \(message.moment): 'roles'[\(index)] should be a string, got \(role.kindDescription)")
        }
        return String(text.escapingControlCharacters().prefix(20))
      }
    }
    if message.has("readouts") {
      for (name, value) in try message.object("readouts").sorted(by: { $0.key < $1.key }) {
        guard case .number(let number) = value else {
          throw ProtocolViolation("'done' at \(message.moment): readout '\(name.escapingControlCharacters())' should be a number, got \(value.kindDescription)")
        }
        outcome.readouts.append(.init(String(name.escapingControlCharacters().prefix(20)), number))
      }
    }
    if message.has("overlays") {
      for (index, item) in try message.array("overlays").enumerated() {
        guard case .object(let fields) = item else {
          throw ProtocolViolation("'done' at \(message.moment): 'overlays'[\(index)] should be an object, got \(item.kindDescription)")
        }
        let overlay = ProtocolMessage(type: "done", fields: fields, moment: "\(message.moment), 'overlays'[\(index)]")
        let roleName = try overlay.string("role")
        guard let role = OverlayRole(rawValue: roleName), ExternalOverlay.roles.contains(role) else {
          throw ProtocolViolation("'done' at \(message.moment): 'overlays'[\(index)] has the role '\(roleName.escapingControlCharacters())'; docs/PROTOCOL.md lists the roles")
        }
        let from = overlay.has("from") ? try overlay.point(fields["from"]!, at: "'from'", dimension: dimension) : nil
        let toField = from == nil ? "at" : "to"
        guard let to = fields[toField] else {
          throw ProtocolViolation("'done' at \(message.moment): 'overlays'[\(index)] has no '\(toField)'")
        }
        outcome.overlays.append(ExternalOverlay(role: role, from: from, to: try overlay.point(to, at: "'\(toField)'", dimension: dimension)))
      }
    }
    return outcome
  }
}

extension ProtocolMessage {
  /// A part of a message (one hyperparameter, one overlay), read with the same accessors.
  init(type: String, fields: [String: JSONValue], moment: String) {
    self.type = type
    self.fields = fields
    self.moment = moment
  }
}

extension ExternalOverlay {
  /// The roles a process may give an overlay (docs/PROTOCOL.md).
  static let roles: Set<OverlayRole> = [
    .step, .estimate, .velocity, .momentum, .gradient, .gravity, .mean, .centre, .best, .candidate, .accepted,
    .rejected, .parent, .offspring, .birth, .death,
  ]
}

/// Why an external optimizer's run ended: the message, and the last lines
/// the process wrote on stderr.
public struct ExternalFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var stderr: [String]

  public init(_ message: String, stderr: [String]) {
    self.message = message
    self.stderr = stderr
  }

  public var description: String {
    guard !stderr.isEmpty else { return message }
    return message + "\n" + stderr.map { "  stderr: " + $0.escapingControlCharacters() }.joined(separator: "\n")
  }
}
