import ArgumentParser
import Engine
import Landscapes
import OptimizerCore

/// `optiscope list`: the catalogs of landscapes and optimizers.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the built-in landscapes or the optimizers, with their parameters.",
    discussion: """
      Distance-like defaults (step sizes, radii) are fractions of w, the
      domain's smallest side; they are shown as such ("0.01·w").

      Examples:
        optiscope list landscapes
        optiscope list optimizers --format json
      """)

  enum Catalog: String, ExpressibleByArgument, CaseIterable {
    case landscapes, optimizers
  }

  @Argument(help: "What to list: landscapes or optimizers.")
  var catalog: Catalog

  @Option(help: OutputFormat.help([.table, .json]))
  var format: OutputFormat = .table

  func validate() throws { try format.require([.table, .json]) }

  func run() throws {
    switch (catalog, format) {
    case (.landscapes, .json): print(JSONValue.array(LandscapeCatalog.entries.map(landscapeJSON)).serialized())
    case (.landscapes, _): print(landscapeTable())
    case (.optimizers, .json): print(JSONValue.array(OptimizerRegistry.entries.map(optimizerJSON)).serialized())
    case (.optimizers, _): print(optimizerTable())
    }
  }

  private func landscapeJSON(_ entry: LandscapeCatalog.Entry) -> JSONValue {
    let landscape = try! LandscapeCatalog.make(entry.name)
    return .object([
      ("name", .string(entry.name)),
      ("title", .string(landscape.title)),
      ("formula", .string(landscape.formula)),
      ("domain", .array(landscape.domain.axes.map { .array([.number($0.lower), .number($0.upper)]) })),
      ("n_dimensional", .bool(entry.hasNDimensionalForm)),
      ("f_star", .finite(landscape.knownMinimum?.value)),
      ("minimizers", .array((landscape.knownMinimum?.minimizers ?? []).map(JSONValue.vector))),
    ])
  }

  private func landscapeTable() -> String {
    var table = TextTable(["name", "domain", "f*", "x*", "n-D"])
    for entry in LandscapeCatalog.entries {
      let landscape = try! LandscapeCatalog.make(entry.name)
      let domain = landscape.domain.axes.map { "[\(formatNumber($0.lower)), \(formatNumber($0.upper))]" }
      let minimizers = landscape.knownMinimum?.minimizers.map(\.description) ?? []
      table.append([
        entry.name, Set(domain).count == 1 ? domain[0] + "²" : domain.joined(separator: " × "),
        landscape.knownMinimum.map { formatNumber($0.value) } ?? "",
        minimizers.count > 2 ? "\(minimizers[0]) and \(minimizers.count - 1) more" : minimizers.joined(separator: ", "),
        entry.hasNDimensionalForm ? "yes" : "",
      ])
    }
    return table.rendered()
  }

  private func specJSON(_ spec: HyperparameterSpec) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(spec.name)), ("symbol", .string(spec.symbol)),
      ("default", spec.options.map { .string($0[Int(spec.defaultValue)]) } ?? .number(spec.defaultValue)),
      ("min", .number(spec.range.lowerBound)), ("max", .number(spec.range.upperBound)),
      ("scale", .string(spec.scale.rawValue)),
      ("relative_to_width", .bool(spec.unit == .domainWidth)),
      ("help", .string(spec.help)),
    ]
    if let options = spec.options { members.append(("options", .array(options.map(JSONValue.string)))) }
    return .object(members)
  }

  private func optimizerJSON(_ entry: OptimizerEntry) -> JSONValue {
    let kind = (try? OptimizerRegistry.resolve(OptimizerKind(name: entry.name))) ?? OptimizerKind(name: entry.name)
    let specs = (try? entry.specs(for: kind)) ?? entry.descriptor.specs
    var members: [(String, JSONValue)] = [
      ("name", .string(entry.name)),
      ("family", .string(entry.descriptor.family.rawValue)),
      ("summary", .string(entry.descriptor.summary)),
    ]
    if let parts = kind.parts {
      members.append(
        ("parts", .object([
          ("gradient", .string(parts.gradient)), ("update", .string(parts.update)),
          ("guards", .array(parts.guards.map(JSONValue.string))),
        ])))
    }
    members.append(("hyperparameters", .array(specs.map(specJSON))))
    return .object(members)
  }

  private func optimizerTable() -> String {
    var sections: [String] = []
    for entry in OptimizerRegistry.entries {
      let kind = (try? OptimizerRegistry.resolve(OptimizerKind(name: entry.name))) ?? OptimizerKind(name: entry.name)
      let specs = (try? entry.specs(for: kind)) ?? entry.descriptor.specs
      var lines = ["\(kind.displayName)  [\(entry.descriptor.family.rawValue)]  \(entry.descriptor.summary)"]
      var table = TextTable(["  parameter", "symbol", "default", "range", "scale", "help"])
      for spec in specs {
        let relative = spec.unit == .domainWidth
        table.append([
          "  " + spec.name, spec.symbol,
          relative ? "\(formatNumber(spec.defaultValue))·w" : spec.describe(spec.defaultValue),
          relative ? "[\(formatNumber(spec.range.lowerBound)), \(formatNumber(spec.range.upperBound))]·w" : spec.describeRange(),
          spec.scale.rawValue, spec.help,
        ])
      }
      if !specs.isEmpty { lines.append(table.rendered()) }
      sections.append(lines.joined(separator: "\n"))
    }
    let parts = """
      Descent parts (combine with: optiscope run -o descent --gradient G --update U --guard X):
        gradients: \(DescentParts.gradientNames.joined(separator: " "))
        updates:   \(DescentParts.updateNames.joined(separator: " "))
        guards:    \(DescentParts.guardNames.joined(separator: " "))
      """
    return sections.joined(separator: "\n\n") + "\n\n" + parts
  }
}
