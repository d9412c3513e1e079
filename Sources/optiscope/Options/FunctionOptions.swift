import Foundation
import ArgumentParser
import Engine
import Landscapes
import OptimizerCore

/// The options that pick a function: a catalog name, a typed expression or
/// a command that evaluates it (docs/PROTOCOL.md), and its dimension. `eval` takes these alone; the commands that run
/// optimizers take them inside `LandscapeOptions`, with `--noise` and
/// `--kinds`.
struct FunctionOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "A built-in function (see 'optiscope list landscapes').")
  var landscape: String?

  // Unconditional: an expression may start with a minus sign (-x^2).
  @Option(name: .shortAndLong, parsing: .unconditional, help: "A function of x and y, e.g. \"x^2 + 3*sin(y)\".")
  var expression: String?

  @Option(
    name: .customLong("landscape-command"),
    help: ArgumentHelp(
      "A command whose process evaluates the function (docs/PROTOCOL.md, \"A function\"); it declares its dimension, bounds and minimum, and is asked for --dim when given.",
      valueName: "command"))
  var landscapeCommand: String?

  // Optional, so that commands can tell a given option from its default.
  @Option(name: .customLong("dim"), parsing: .unconditional, help: ArgumentHelp("Dimension n, for functions with an n-dimensional form (sphere, rosenbrock, …), at most \(Limits.dimension), and \(Limits.squareMatrixDimension) for optimizers that keep an n×n matrix (default: 2).", valueName: "dim"))
  var givenDimension: Int?

  var dim: Int { givenDimension ?? 2 }

  /// The options given on the command line, by their flags.
  var given: [String] {
    [
      landscape.map { _ in "--landscape" }, expression.map { _ in "--expression" },
      landscapeCommand.map { _ in "--landscape-command" },
      givenDimension.map { _ in "--dim" },
    ].compactMap { $0 }
  }

  func validate() throws {
    let functions = [landscape.map { _ in "--landscape" }, expression.map { _ in "--expression" }, landscapeCommand.map { _ in "--landscape-command" }].compactMap { $0 }
    if functions.count > 1 {
      throw ValidationError("give one of --landscape, --expression and --landscape-command, not \(functions.joined(separator: " and "))")
    }
    if let landscapeCommand, landscapeCommand.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--landscape-command needs a command to run")
    }
    try requireCount(givenDimension, "--dim", in: 1...Limits.dimension)
    if expression != nil, let givenDimension, givenDimension != 2 {
      throw ValidationError("--expression is a function of x and y, so it uses 2 variables; drop --dim \(givenDimension)")
    }
  }

  /// The chosen source; `defaultName` when neither option is given, or an
  /// error when the command needs one.
  func source(defaultName: String? = nil) throws -> LandscapeSource {
    if let expression { return .expression(expression) }
    if let landscapeCommand { return LandscapeSource(.command(landscapeCommand, dimension: givenDimension)) }
    if let name = landscape ?? defaultName { return .named(name, dimension: dim) }
    throw CommandLineError("choose a landscape with --landscape NAME, --expression \"EXPR\" or --landscape-command \"CMD\"")
  }

  /// The built landscape, or the reason it cannot be built.
  func make(defaultName: String? = nil) throws -> any Landscape {
    try source(defaultName: defaultName).madeForCommandLine()
  }
}
