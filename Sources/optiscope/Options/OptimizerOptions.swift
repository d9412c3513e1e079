import Foundation
import ArgumentParser
import Engine
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

  @Option(name: .customLong("set"), help: ArgumentHelp("Set a hyperparameter, e.g. --set lr=0.01; repeatable.", valueName: "key=value"))
  var settings: [String] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("The start point, e.g. --start -1.5,2 (default: drawn from the seed).", valueName: "x,y"))
  var start: String?

  @Option(name: .customLong("seed"), help: ArgumentHelp("The seed: the same seed gives the same run on every machine (default: 1).", valueName: "seed"))
  var givenSeed: UInt64?

  var optimizer: String { givenOptimizer ?? "adam" }
  var seed: UInt64 { givenSeed ?? 1 }

  /// The options given on the command line, by their flags.
  var given: [String] {
    [
      givenOptimizer.map { _ in "--optimizer" }, gradient.map { _ in "--gradient" }, update.map { _ in "--update" },
      guards.isEmpty ? nil : "--guard", settings.isEmpty ? nil : "--set", start.map { _ in "--start" },
      givenSeed.map { _ in "--seed" },
    ].compactMap { $0 }
  }

  /// The kind named, with any descent parts the user chose over a preset's.
  func kind() throws -> OptimizerKind {
    let entry: OptimizerEntry
    do { entry = try OptimizerRegistry.entry(named: optimizer) } catch {
      throw CommandLineError(error.description)
    }
    let named = gradient != nil || update != nil || !guards.isEmpty
    guard named else { return OptimizerKind(name: optimizer) }
    guard let defaults = entry.defaultParts else {
      throw CommandLineError(
        RegistryError.partsNotAccepted(
          optimizer: optimizer,
          parts: ([gradient, update].compactMap { $0 } + guards).joined(separator: ", ")
        ).description)
    }
    return OptimizerKind(
      name: optimizer,
      parts: DescentParts(
        gradient: gradient ?? defaults.gradient, update: update ?? defaults.update,
        guards: guards.isEmpty ? defaults.guards : guards))
  }

  /// The recipe: kind plus the `--set` values, each checked against its spec.
  func configuration(domain: Domain) throws -> OptimizerConfiguration {
    let kind = try kind()
    var hyperparameters: Hyperparameters
    do { hyperparameters = try OptimizerRegistry.hyperparameters(for: kind, domain: domain) } catch {
      throw CommandLineError(error.description)
    }
    var values: [(String, Double)] = []
    for setting in settings {
      guard let equals = setting.firstIndex(of: "=") else {
        throw CommandLineError("--set '\(setting)' must look like key=value, e.g. --set lr=0.01")
      }
      let name = String(setting[..<equals]).trimmingCharacters(in: .whitespaces)
      let text = String(setting[setting.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
      do { try hyperparameters.set(name, text: text) } catch {
        throw CommandLineError("\(kind.displayName): \(error)")
      }
      values.append((name, hyperparameters[name]))
    }
    return OptimizerConfiguration(kind: kind, settings: values)
  }

  /// The start point, checked against the landscape's dimension.
  func startPoint(dimension: Int) throws -> Vector? {
    try start.map { try parsePoint($0, option: "--start", dimension: dimension) }
  }
}
