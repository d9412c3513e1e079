import ArgumentParser
import Engine
import Landscapes
import OptimizerCore

/// The options that pick a landscape for optimizers to run on: the
/// function (`FunctionOptions`), the noise optimizers see, and with
/// `--kinds` the kind of each axis.
struct LandscapeOptions: ParsableArguments {
  @OptionGroup var function: FunctionOptions

  @Option(name: .customLong("noise"), parsing: .unconditional, help: ArgumentHelp("σ of Gaussian noise added to every evaluation (default: 0).", valueName: "noise"))
  var givenNoise: Double?

  @Option(name: .customLong("kinds"), help: AxisKindList.help())
  var kinds: AxisKindList?

  var landscape: String? { function.landscape }
  var expression: String? { function.expression }
  var noise: Double { givenNoise ?? 0 }

  /// The options given on the command line, by their flags.
  var given: [String] {
    function.given + (givenNoise == nil ? [] : ["--noise"]) + (kinds == nil ? [] : ["--kinds"])
  }

  func validate() throws {
    if !noise.isFinite || noise < 0 { throw ValidationError("--noise must be ≥ 0, got \(formatNumber(noise))") }
    try kinds?.validate(option: "--kinds")
  }

  /// The chosen source; `defaultName` when neither `--landscape` nor
  /// `--expression` is given, or an error when the command needs one.
  /// With `--kinds`, the function's own box with those axis kinds.
  func source(defaultName: String? = nil) throws -> LandscapeSource {
    var source = try function.source(defaultName: defaultName)
    if let kinds { try source.setKinds(kinds, option: "--kinds") }
    return source
  }

  /// The built landscape, or the reason it cannot be built.
  func make(defaultName: String? = nil) throws -> any Landscape {
    try source(defaultName: defaultName).madeForCommandLine()
  }
}

extension LandscapeSource {
  /// The landscape, or the reason it cannot be built as a command-line
  /// error: a mistake in what was typed, or (exit 2) a function's process
  /// that did not start or shake hands.
  func madeForCommandLine() throws -> any Landscape {
    do { return try make() } catch {
      if case .command = function { throw CommandLineError.failure(error.description) }
      throw CommandLineError(error.description)
    }
  }

  /// Puts the function on its own box with the given axis kinds, one per
  /// axis, or says how many it needs.
  mutating func setKinds(_ list: AxisKindList, option: String) throws {
    let base = try madeForCommandLine()
    domain = base.domain.with(kinds: try list.kinds(option: option, dimension: base.dimension))
  }
}
