import Foundation
import Landscapes
import OptimizerCore

/// A landscape evaluated by a child process (docs/PROTOCOL.md, "A
/// function"): its name, dimension, bounds, gradient and minimum are what
/// the process declared in its handshake.
///
/// A value that shares its process (`FunctionLink`): landscapes are copied
/// into snapshots, and every copy asks the one process. `values(at:)`
/// sends a whole batch in one request; `gradient(at:)` is the process's
/// own when it declared `"gradient": true`, central differences
/// otherwise. When the process fails, f is NaN from then on and `failure`
/// says why.
public struct ExternalFunction: Landscape {
  /// The command, as typed.
  public let command: String
  /// What the process calls the function.
  public let name: String
  public let domain: Domain
  public let knownMinimum: KnownMinimum?
  /// The axes' names, when the process gave them.
  public let axisNames: [String]?
  public let hasAnalyticGradient: Bool
  let link: FunctionLink

  /// The most points one request carries (docs/PROTOCOL.md).
  public static let maximumBatch = 4096
  /// How long the handshake and each request may take, in seconds.
  public static let defaultTimeout = 10.0

  /// Starts `command` and reads its handshake; `dimension` is `--dim` when
  /// given. Throws the documented message when the process does not start
  /// or does not shake hands.
  public init(command: String, dimension: Int? = nil, timeout: Double = defaultTimeout) throws(ExternalFailure) {
    let link = try FunctionLink(command: command, timeout: timeout)
    let hello = try link.shakeHands(dimension: dimension)
    do {
      let declared = try Self.declaration(hello, asked: dimension)
      name = declared.name
      domain = declared.domain
      knownMinimum = declared.minimum
      axisNames = declared.axes
      hasAnalyticGradient = declared.gradient
    } catch {
      throw link.reject(error.description)
    }
    self.command = command
    self.link = link
  }

  public var title: String { name }
  public var formula: String { "f(x) from '\(command)'" }
  public var isRemote: Bool { true }
  public var failure: String? { link.failure?.description }

  public func value(at x: Vector) -> Double { values(at: [x])[0] }

  /// f at every point, in requests of at most `maximumBatch` points.
  public func values(at points: [Vector]) -> [Double] {
    var values: [Double] = []
    values.reserveCapacity(points.count)
    var start = 0
    while start < points.count {
      let end = min(start + Self.maximumBatch, points.count)
      values += link.evaluate(Array(points[start..<end]), gradients: false, dimension: dimension).values
      start = end
    }
    return values
  }

  public func gradient(at x: Vector) -> Vector {
    guard hasAnalyticGradient else { return centralDifferenceGradient(at: x) }
    return link.evaluate([x], gradients: true, dimension: dimension).gradients[0]
  }

  /// Ends the process now (it also ends when the last copy goes, and at exit).
  public func end() { link.end() }

  // MARK: - The handshake

  struct Declaration {
    var name: String
    var domain: Domain
    var gradient: Bool
    var minimum: KnownMinimum?
    var axes: [String]?
  }

  /// The process's `hello`, checked field by field.
  static func declaration(_ hello: ProtocolMessage, asked: Int?) throws(ProtocolViolation) -> Declaration {
    let name = try hello.string("name").escapingControlCharacters()
    guard !name.isEmpty else { throw ProtocolViolation("'hello' at the handshake: 'name' is empty") }
    let count = try hello.number("dimension")
    guard count == count.rounded(), count >= 1, count <= Double(Limits.dimension) else {
      throw ProtocolViolation("'hello' at the handshake: 'dimension' should be a whole number from 1 to \(Limits.dimension), got \(exactNumber(count))")
    }
    let dimension = Int(count)
    if let asked, asked != dimension {
      throw ProtocolViolation("'hello' at the handshake: 'dimension' is \(dimension), but --dim asked for \(asked)")
    }
    let bounds = try hello.array("bounds")
    guard bounds.count == dimension else {
      throw ProtocolViolation("'hello' at the handshake: 'bounds' has \(bounds.count) entries for \(dimension) axes")
    }
    var axes: [Axis] = []
    for (index, item) in bounds.enumerated() {
      guard case .array(let pair) = item, pair.count == 2, case .number(let lower) = pair[0],
        case .number(let upper) = pair[1], lower.isFinite, upper.isFinite, lower < upper
      else {
        throw ProtocolViolation("'hello' at the handshake: 'bounds'[\(index)] should be [lower, upper] with lower < upper, got \(item.kindDescription)")
      }
      axes.append(Axis(lower, upper))
    }
    var declaration = Declaration(
      name: name.count > 40 ? String(name.prefix(39)) + "…" : name, domain: Domain(axes: axes),
      gradient: try hello.bool("gradient", default: false))
    if hello.has("minimum") {
      let minimum = ProtocolMessage(type: "hello", fields: try hello.object("minimum"), moment: "the handshake, 'minimum'")
      let value = try minimum.number("value")
      let at = minimum.has("at") ? try minimum.points("at", dimension: dimension) : []
      declaration.minimum = KnownMinimum(value: value, minimizers: at)
    }
    if hello.has("axes") {
      let names = try hello.array("axes")
      guard names.count == dimension else {
        throw ProtocolViolation("'hello' at the handshake: 'axes' has \(names.count) names for \(dimension) axes")
      }
      declaration.axes = try names.enumerated().map { (index, item) throws(ProtocolViolation) in
        guard case .string(let text) = item else {
          throw ProtocolViolation("'hello' at the handshake: 'axes'[\(index)] should be a string, got \(item.kindDescription)")
        }
        return String(text.escapingControlCharacters().prefix(20))
      }
    }
    return declaration
  }
}
