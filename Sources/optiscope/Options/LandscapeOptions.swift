import ArgumentParser
import Engine
import Landscapes

/// The options that pick a landscape: a catalog name or a typed expression.
struct LandscapeOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "A built-in function (see 'optiscope list landscapes').")
  var landscape: String?

  @Option(name: .shortAndLong, help: "A function of x and y, e.g. \"x^2 + 3*sin(y)\".")
  var expression: String?

  @Option(help: "Dimension n, for functions with an n-dimensional form (sphere, rosenbrock, …).")
  var dim: Int = 2

  @Option(help: "σ of Gaussian noise added to every evaluation.")
  var noise: Double = 0

  func validate() throws {
    if landscape != nil && expression != nil {
      throw ValidationError("give either --landscape or --expression, not both")
    }
    if dim < 1 { throw ValidationError("--dim must be at least 1, got \(dim)") }
    if !noise.isFinite || noise < 0 { throw ValidationError("--noise must be ≥ 0") }
  }

  /// The chosen source; `defaultName` when neither option is given, or an
  /// error when the command needs one.
  func source(defaultName: String? = nil) throws -> LandscapeSource {
    if let expression { return .expression(expression) }
    if let name = landscape ?? defaultName { return .named(name, dimension: dim) }
    throw CommandLineError("choose a landscape with --landscape NAME or --expression \"EXPR\"")
  }

  /// The built landscape, or the reason it cannot be built.
  func make(defaultName: String? = nil) throws -> any Landscape {
    do { return try source(defaultName: defaultName).make() } catch let error as SessionError {
      throw CommandLineError(error.description)
    }
  }
}
