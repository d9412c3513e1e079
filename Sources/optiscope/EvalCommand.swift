import ArgumentParser
import Foundation
import OptimizerCore

/// `optiscope eval`: f at one point, in full precision.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Print a landscape's value at a point, in full precision (%.17g).",
    discussion: """
      Examples:
        optiscope eval --landscape rosenbrock --at 1,1
        optiscope eval --expression "hypot(x, y) - 1" --at 0.6,0.8
        optiscope eval --landscape sphere --dim 3 --at 1,2,3
        optiscope eval --landscape-command "python3 my_loss.py" --at 0.5,1
      """)

  @OptionGroup(title: "Landscape") var landscape: FunctionOptions

  // Not offered (f at a point does not depend on where optimizers may go),
  // but read, so that a `--kinds` carried over from `run` is refused with
  // the reason rather than as an unknown option.
  @Option(name: .customLong("kinds"), help: .hidden)
  var kinds: String?

  // Read for the same reason: eval prints f itself, which noise is not.
  @Option(name: .customLong("noise"), help: .hidden)
  var noise: String?

  @Option(parsing: .unconditional, help: ArgumentHelp("The point, one number per coordinate.", valueName: "x,y"))
  var at: NumberList

  func validate() throws {
    if kinds != nil {
      throw ValidationError("--kinds sets where optimizers may go, not f: eval prints f at the point as given, so drop --kinds")
    }
    if noise != nil {
      throw ValidationError("--noise is added to what optimizers see: eval prints f itself, without noise, so drop --noise")
    }
  }

  func run() throws {
    let surface = try landscape.make()
    let point = try at.point(option: "--at", dimension: surface.dimension)
    let value = surface.value(at: point)
    if let failure = surface.failure { throw CommandLineError.failure("the function failed: \(failure)") }
    try StandardOutput.write(formatFullPrecision(value))
  }
}
