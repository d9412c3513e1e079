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
    case (.landscapes, .json):
      try StandardOutput.writeVerbatim(
        jsonText(LandscapeCatalog.entries.map { LandscapeDocument($0, try! LandscapeCatalog.make($0.name)) }) + "\n")
    case (.landscapes, _): try StandardOutput.write(landscapeTable())
    case (.optimizers, .json): try StandardOutput.writeVerbatim(jsonText(OptimizerRegistry.entries.map(optimizerDocument)) + "\n")
    case (.optimizers, _): try StandardOutput.write(optimizerTable())
    }
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

  private func optimizerDocument(_ entry: OptimizerEntry) -> OptimizerDocument {
    let kind = (try? OptimizerRegistry.resolve(OptimizerKind(name: entry.name))) ?? OptimizerKind(name: entry.name)
    return OptimizerDocument(entry, kind: kind, specs: (try? entry.specs(for: kind)) ?? entry.descriptor.specs)
  }

  private func optimizerTable() -> String {
    var sections: [String] = []
    for entry in OptimizerRegistry.entries {
      let kind = (try? OptimizerRegistry.resolve(OptimizerKind(name: entry.name))) ?? OptimizerKind(name: entry.name)
      let specs = (try? entry.specs(for: kind)) ?? entry.descriptor.specs
      var lines = ["\(kind.displayName)  [\(entry.descriptor.family.rawValue)]  \(entry.descriptor.summary)"]
      var table = TextTable(["  parameter", "symbol", "default", "range", "scale", "help"])
      for spec in specs {
        let (low, high) = (formatNumber(spec.range.lowerBound), formatNumber(spec.range.upperBound))
        let (defaultText, rangeText): (String, String)
        switch spec.unit {
        case .domainWidth: (defaultText, rangeText) = ("\(formatNumber(spec.defaultValue))·w", "[\(low), \(high)]·w")
        // One value per axis: a point along axis i, or a multiple of its width wᵢ.
        case .axisPosition: (defaultText, rangeText) = ("centre", "the axis")
        case .axisWidth: (defaultText, rangeText) = ("\(formatNumber(spec.defaultValue))·wᵢ", "[\(low), \(high)]·wᵢ")
        case .absolute, .points: (defaultText, rangeText) = (spec.describe(spec.defaultValue), spec.describeRange())
        }
        table.append(["  " + spec.name, spec.symbol, defaultText, rangeText, spec.scale.rawValue, spec.help])
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
    let external = """
      Your own optimizer: -o external --command CMD runs CMD as a child process that speaks
      optiscope's protocol (docs/PROTOCOL.md; a Python client is in clients/python/); its
      hyperparameters are the ones it declares.
      """
    return sections.joined(separator: "\n\n") + "\n\n" + parts + "\n\n" + external
  }
}
