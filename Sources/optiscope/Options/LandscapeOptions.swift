import ArgumentParser
import Engine
import Landscapes
import OptimizerCore

/// The options that pick a landscape: a catalog name or a typed expression.
struct LandscapeOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "A built-in function (see 'optiscope list landscapes').")
  var landscape: String?

  // Unconditional: an expression may start with a minus sign (-x^2).
  @Option(name: .shortAndLong, parsing: .unconditional, help: "A function of x and y, e.g. \"x^2 + 3*sin(y)\".")
  var expression: String?

  // Optional, so that commands can tell a given option from its default.
  @Option(name: .customLong("dim"), parsing: .unconditional, help: ArgumentHelp("Dimension n, for functions with an n-dimensional form (sphere, rosenbrock, …), at most \(Limits.dimension), and \(Limits.squareMatrixDimension) for optimizers that keep an n×n matrix (default: 2).", valueName: "dim"))
  var givenDimension: Int?

  @Option(name: .customLong("noise"), parsing: .unconditional, help: ArgumentHelp("σ of Gaussian noise added to every evaluation (default: 0).", valueName: "noise"))
  var givenNoise: Double?

  @Option(name: .customLong("kinds"), help: AxisKindList.help())
  var kinds: AxisKindList?

  var dim: Int { givenDimension ?? 2 }
  var noise: Double { givenNoise ?? 0 }

  /// The options given on the command line, by their flags.
  var given: [String] {
    [
      landscape.map { _ in "--landscape" }, expression.map { _ in "--expression" },
      givenDimension.map { _ in "--dim" }, givenNoise.map { _ in "--noise" }, kinds.map { _ in "--kinds" },
    ].compactMap { $0 }
  }

  func validate() throws {
    if landscape != nil && expression != nil {
      throw ValidationError("give either --landscape or --expression, not both")
    }
    try requireCount(givenDimension, "--dim", in: 1...Limits.dimension)
    if expression != nil, let givenDimension, givenDimension != 2 {
      throw ValidationError("--expression is a function of x and y, so it uses 2 variables; drop --dim \(givenDimension)")
    }
    if !noise.isFinite || noise < 0 { throw ValidationError("--noise must be ≥ 0, got \(formatNumber(noise))") }
    try kinds?.validate(option: "--kinds")
  }

  /// The chosen source; `defaultName` when neither option is given, or an
  /// error when the command needs one. With `--kinds`, the function's own
  /// box with those axis kinds.
  func source(defaultName: String? = nil) throws -> LandscapeSource {
    var source: LandscapeSource
    if let expression {
      source = .expression(expression)
    } else if let name = landscape ?? defaultName {
      source = .named(name, dimension: dim)
    } else {
      throw CommandLineError("choose a landscape with --landscape NAME or --expression \"EXPR\"")
    }
    if let kinds { try source.setKinds(kinds, option: "--kinds") }
    return source
  }

  /// The built landscape, or the reason it cannot be built.
  func make(defaultName: String? = nil) throws -> any Landscape {
    try source(defaultName: defaultName).madeForCommandLine()
  }
}

extension LandscapeSource {
  /// The landscape, or the reason it cannot be built as a command-line error.
  func madeForCommandLine() throws -> any Landscape {
    do { return try make() } catch { throw CommandLineError(error.description) }
  }

  /// Puts the function on its own box with the given axis kinds, one per
  /// axis, or says how many it needs.
  mutating func setKinds(_ list: AxisKindList, option: String) throws {
    let base = try madeForCommandLine()
    domain = base.domain.with(kinds: try list.kinds(option: option, dimension: base.dimension))
  }
}
