import Foundation
import ArgumentParser
import Engine
import External
import Landscapes
import OptimizerCore

/// The options that pick and configure an optimizer, and where it starts.
struct OptimizerOptions: ParsableArguments {
  // Optional, so that commands can tell a given option from its default.
  @Option(name: [.customShort("o"), .customLong("optimizer")], help: ArgumentHelp("An optimizer (see 'optiscope list optimizers') (default: adam).", valueName: "optimizer"))
  var givenOptimizer: String?

  @Option(help: "Descent and gravity-swarm only: the gradient source (\(DescentParts.gradientNames.joined(separator: "|"))).")
  var gradient: String?

  @Option(help: "Descent and gravity-swarm only: the update rule (\(DescentParts.updateNames.joined(separator: "|"))).")
  var update: String?

  @Option(
    name: .customLong("guard"),
    help: "Descent and gravity-swarm only: a step guard (\(DescentParts.guardNames.joined(separator: "|"))); repeat to stack them in order.")
  var guards: [String] = []

  @Option(help: ArgumentHelp("With --optimizer external: the command that runs the optimizer, as a shell would (docs/PROTOCOL.md), e.g. --command \"python3 clients/python/examples/random_search.py\".", valueName: "command"))
  var command: String?

  @Option(name: .customLong("step-timeout"), help: ArgumentHelp("With --optimizer external: the seconds an external optimizer has for its handshake and for each step before its run ends (default: \(formatNumber(ExternalTapes.defaultStepTimeout))).", valueName: "seconds"))
  var givenStepTimeout: Double?

  @Option(name: .customLong("set"), help: ArgumentHelp("Set a hyperparameter, e.g. --set lr=0.01; repeatable. A per-axis one takes a value per axis, separated by ;: --set 'mean=0.5;-1'.", valueName: "key=value"))
  var settings: [HyperparameterSetting] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("The start point, e.g. --start -1.5,2 (default: drawn from the seed).", valueName: "x,y"))
  var start: NumberList?

  @Option(name: .customLong("seed"), parsing: .unconditional, help: ArgumentHelp("The seed: the same seed gives the same run on every machine (default: 1).", valueName: "seed"))
  var givenSeed: UInt64?

  var optimizer: String { givenOptimizer ?? "adam" }
  var seed: UInt64 { givenSeed ?? 1 }
  var stepTimeout: Double { givenStepTimeout ?? ExternalTapes.defaultStepTimeout }

  /// Whether external optimizers run their processes, with the step timeout.
  var externalPolicy: ExternalTapes.Policy { .live(stepTimeout: stepTimeout) }

  func validate() throws {
    if let givenStepTimeout, !(givenStepTimeout > 0 && givenStepTimeout <= 86_400) {
      throw ValidationError("--step-timeout must be a number of seconds above 0 and at most 86400, got \(formatNumber(givenStepTimeout))")
    }
    if command != nil, optimizer != OptimizerKind.externalName {
      throw ValidationError("--command runs an external optimizer; give it with --optimizer external (got --optimizer \(optimizer))")
    }
    if optimizer == OptimizerKind.externalName, command == nil {
      throw ValidationError("--optimizer external needs --command, the command that runs it, e.g. --command \"python3 my_opt.py\" (docs/PROTOCOL.md)")
    }
    if givenStepTimeout != nil, command == nil {
      throw ValidationError("--step-timeout bounds an external optimizer's steps; give it with --optimizer external --command CMD")
    }
  }

  /// The options given on the command line, by their flags.
  var given: [String] {
    [
      givenOptimizer.map { _ in "--optimizer" }, gradient.map { _ in "--gradient" }, update.map { _ in "--update" },
      guards.isEmpty ? nil : "--guard", settings.isEmpty ? nil : "--set", start.map { _ in "--start" },
      givenSeed.map { _ in "--seed" }, command.map { _ in "--command" }, givenStepTimeout.map { _ in "--step-timeout" },
    ].compactMap { $0 }
  }

  /// What was named, as `OptimizerChoice` checks it: parts only when one
  /// was given (no `--guard` keeps a preset's guards).
  var choice: OptimizerChoice {
    let named = gradient != nil || update != nil || !guards.isEmpty
    let parts = OptimizerChoice.Parts(gradient: gradient, update: update, guards: guards.isEmpty ? nil : guards)
    return OptimizerChoice(optimizer, parts: named ? parts : nil, settings: settings, command: command)
  }

  /// The recipe: kind plus the `--set` values, each checked against its spec.
  func configuration(domain: Domain) throws -> OptimizerConfiguration {
    do { return try choice.configuration(on: domain) } catch { throw CommandLineError(error.description) }
  }

  /// The start point, checked against the landscape's domain: as many
  /// coordinates as it has axes, each within its axis's bounds (a start
  /// outside would be clamped silently; it is refused instead).
  func startPoint(on domain: Domain) throws -> Vector? {
    guard let start else { return nil }
    let point = try start.point(option: "--start", dimension: domain.dimension)
    let names = axisNames(domain.dimension)
    for (i, axis) in domain.axes.enumerated() where !(axis.lower...axis.upper).contains(point[i]) {
      throw CommandLineError(
        "--start '\(start.text)': \(names[i]) = \(formatNumber(point[i])) is outside the domain, whose \(names[i]) runs from \(formatNumber(axis.lower)) to \(formatNumber(axis.upper))")
    }
    return point
  }

  /// The run these options describe on `surface`: its recipe and its start.
  func runSetup(on surface: any Landscape) throws -> RunSetup {
    RunSetup(try configuration(domain: surface.domain), start: try startPoint(on: surface.domain))
  }
}
