import External
import Landscapes
import OptimizerCore

/// Which landscape a session shows: a catalog name, a typed expression or
/// a command that evaluates it, optionally on another box or with integer or boolean axes.
public struct LandscapeSource: Sendable, Hashable {
  public enum Function: Sendable, Hashable {
    /// A built-in function, by the name users type.
    case named(String)
    /// A typed expression in x and y.
    case expression(String)
    /// A child process that evaluates f (docs/PROTOCOL.md, "A function"),
    /// with the dimension asked for in its handshake (`--dim`), if any.
    case command(String, dimension: Int?)
  }

  public var function: Function
  /// n, for built-ins with an n-dimensional form.
  public var dimension: Int
  /// A box (and axis kinds) to use instead of the function's default one.
  public var domain: Domain?

  public init(_ function: Function, dimension: Int = 2, domain: Domain? = nil) {
    self.function = function
    self.dimension = dimension
    self.domain = domain
  }

  public static func named(_ name: String, dimension: Int = 2) -> LandscapeSource {
    LandscapeSource(.named(name), dimension: dimension)
  }

  public static func expression(_ text: String) -> LandscapeSource {
    LandscapeSource(.expression(text))
  }

  /// Builds the landscape, or says in one line what is wrong.
  public func make() throws(SessionError) -> any Landscape {
    let base: any Landscape
    switch function {
    case .named(let name):
      do { base = try LandscapeCatalog.make(name, dimension: dimension) } catch {
        throw .landscape(error.description)
      }
    case .expression(let text):
      do { base = try ExpressionLandscape(source: text) } catch {
        let caret = error.caretDiagnostic.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        throw .landscape(error.message + "\n" + caret)
      }
    case .command(let command, let dimension):
      do { base = try ExternalFunctions.function(command: command, dimension: dimension) } catch {
        throw .landscape("the function '\(command.escapingControlCharacters())' did not start: \(error)")
      }
    }
    guard let domain else { return base }
    guard domain.dimension == base.dimension else {
      throw .landscape(
        "the domain has \(domain.dimension) axes but \(base.name) takes \(base.dimension) coordinates")
    }
    return base.with(domain: domain)
  }
}
