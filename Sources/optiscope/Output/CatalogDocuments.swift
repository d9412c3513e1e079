import Landscapes
import OptimizerCore

/// What `list landscapes --format json` prints about a built-in function.
struct LandscapeDocument: Encodable {
  let name: String
  let title: String
  let formula: String
  let domain: [[JSONNumber]]
  let nDimensional: Bool
  let fStar: JSONNumber
  let minimizers: [[JSONNumber]]

  enum CodingKeys: String, CodingKey {
    case name, title, formula, domain
    case nDimensional = "n_dimensional"
    case fStar = "f_star"
    case minimizers
  }

  init(_ entry: LandscapeCatalog.Entry, _ landscape: any Landscape) {
    name = entry.name
    title = landscape.title
    formula = landscape.formula
    domain = landscape.domain.axes.map { JSONNumber.list([$0.lower, $0.upper]) }
    nDimensional = entry.hasNDimensionalForm
    fStar = JSONNumber(landscape.knownMinimum?.value)
    minimizers = (landscape.knownMinimum?.minimizers ?? []).map { JSONNumber.list($0.components) }
  }
}

/// What `list optimizers --format json` prints about a registered optimizer.
struct OptimizerDocument: Encodable {
  let name: String
  let family: String
  let summary: String
  /// Only for descent and its presets.
  let parts: Parts?
  let hyperparameters: [Hyperparameter]

  struct Parts: Encodable {
    let gradient: String
    let update: String
    let guards: [String]
  }

  struct Hyperparameter: Encodable {
    let name: String
    let symbol: String
    let `default`: JSONSetting
    let min: JSONNumber
    let max: JSONNumber
    let scale: String
    let relativeToWidth: Bool
    let help: String
    /// Only for a choice.
    let options: [String]?

    enum CodingKeys: String, CodingKey {
      case name, symbol, `default`, min, max, scale
      case relativeToWidth = "relative_to_width"
      case help, options
    }

    init(_ spec: HyperparameterSpec) {
      name = spec.name
      symbol = spec.symbol
      `default` = spec.options.map { .label($0[Int(spec.defaultValue)]) } ?? .number(JSONNumber(spec.defaultValue))
      min = JSONNumber(spec.range.lowerBound)
      max = JSONNumber(spec.range.upperBound)
      scale = spec.scale.rawValue
      relativeToWidth = spec.unit == .domainWidth
      help = spec.help
      options = spec.options
    }
  }

  init(_ entry: OptimizerEntry, kind: OptimizerKind, specs: [HyperparameterSpec]) {
    name = entry.name
    family = entry.descriptor.family.rawValue
    summary = entry.descriptor.summary
    parts = kind.parts.map { Parts(gradient: $0.gradient, update: $0.update, guards: $0.guards) }
    hyperparameters = specs.map(Hyperparameter.init)
  }
}
