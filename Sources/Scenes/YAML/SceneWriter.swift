import Engine
import OptimizerCore
import ViewModel

/// Writes a scene as YAML in the layout of docs/SCENES.md: sections in a
/// fixed order, points and short records on one line, numbers in their
/// shortest exact form (so that checksums read back bit for bit).
public enum SceneWriter {
  public static func write(_ scene: Scene) -> String {
    var out = "version: \(Scene.formatVersion)\n"
    out += "title: \(yamlString(scene.title))\n"
    if !scene.description.isEmpty {
      out += "description: |-\n"
      for line in scene.description.split(separator: "\n", omittingEmptySubsequences: false) {
        out += line.isEmpty ? "\n" : "  \(line)\n"
      }
    }
    out += "landscape:\n" + landscape(scene.landscape, noise: scene.noise, indent: "  ")
    out += "seed: \(scene.seed)\n"
    out += "budget: \(budget(scene.budget))\n"
    out += "steps: \(scene.steps)\n"
    if scene.runs.isEmpty {
      out += "runs: []\n"
    } else {
      out += "runs:\n"
      for setup in scene.runs { out += "  - " + runSetup(setup).joined(separator: "\n    ") + "\n" }
    }
    out += "view:\n" + view(scene.view)
    if !scene.events.isEmpty {
      out += "events:\n"
      for event in scene.events { out += "  - " + self.event(event) + "\n" }
    }
    if let checksums = scene.checksums {
      out += "checksums:\n  every: \(checksums.interval)\n"
      if !checksums.entries.isEmpty {
        out += "  at:\n"
        for entry in checksums.entries { out += "    - " + checksum(entry) + "\n" }
      }
    }
    return out
  }

  // MARK: - Sections

  static func landscape(_ source: LandscapeSource, noise: Double?, indent: String) -> String {
    var lines: [String] = []
    switch source.function {
    case .named(let name): lines.append("function: \(yamlString(name))")
    case .expression(let text): lines.append("expression: \(yamlString(text, alwaysQuote: true))")
    }
    if source.dimension != 2, case .named = source.function { lines.append("dimension: \(source.dimension)") }
    if let domain = source.domain { lines.append("domain: [" + domain.axes.map(axis).joined(separator: ", ") + "]") }
    if let noise, noise != 0 { lines.append("noise: \(number(noise))") }
    return lines.map { indent + $0 + "\n" }.joined()
  }

  static func axis(_ axis: Axis) -> String {
    switch axis.kind {
    case .continuous: return "[\(number(axis.lower)), \(number(axis.upper))]"
    case .boolean: return "{kind: boolean}"
    case .integer: return "{lower: \(number(axis.lower)), upper: \(number(axis.upper)), kind: integer}"
    }
  }

  static func budget(_ budget: Budget) -> String {
    switch budget {
    case .steps(let n): return "{steps: \(n)}"
    case .evaluations(let n): return "{evaluations: \(n)}"
    case .unlimited: return "unlimited"
    }
  }

  /// A run's lines: optimizer, parts, settings, start.
  static func runSetup(_ setup: RunSetup) -> [String] {
    var lines = configuration(setup.configuration)
    if let start = setup.start { lines.append("start: \(point(start))") }
    return lines
  }

  static func configuration(_ configuration: OptimizerConfiguration) -> [String] {
    var lines = ["optimizer: \(yamlString(configuration.kind.name))"]
    if let parts = configuration.kind.parts {
      lines.append(
        "parts: {gradient: \(yamlString(parts.gradient)), update: \(yamlString(parts.update)), guards: ["
          + parts.guards.map { yamlString($0) }.joined(separator: ", ") + "]}")
    }
    if !configuration.settings.isEmpty {
      let specs = try? OptimizerRegistry.hyperparameters(for: configuration.kind, domain: .cube(-1, 1, dimension: 2))
      let entries = configuration.settings.map { setting in
        "\(yamlString(setting.name)): \(settingValue(setting.value, spec: specs?.spec(named: setting.name)))"
      }
      lines.append("settings: {" + entries.joined(separator: ", ") + "}")
    }
    return lines
  }

  /// A flag as true/false, a choice by its label, anything else as a number.
  static func settingValue(_ value: Double, spec: HyperparameterSpec?) -> String {
    switch spec?.kind {
    case .boolean?: return value != 0 ? "true" : "false"
    case .choice(let options)? where options.indices.contains(Int(value)) && value == value.rounded():
      return yamlString(options[Int(value)])
    default: return number(value)
    }
  }

  static func view(_ view: MapView) -> String {
    var lines = ["colour-map: \(view.colourMap)", "scale: \(view.scale.rawValue)"]
    if let viewport = view.viewport {
      lines.append(
        "viewport: {x: [\(number(viewport.x.lowerBound)), \(number(viewport.x.upperBound))], "
          + "y: [\(number(viewport.y.lowerBound)), \(number(viewport.y.upperBound))]}")
    }
    lines.append("trails: \(view.trails)")
    lines.append("probes: \(view.probes)")
    lines.append("overlays: \(view.overlays)")
    if view.contours != 0 { lines.append("contours: \(view.contours)") }
    if view.gradientField { lines.append("gradient-field: true") }
    return lines.map { "  " + $0 + "\n" }.joined()
  }

  static func event(_ event: SceneEvent) -> String {
    let body: String
    switch event.command {
    case .setHyperparameter(let run, let name, let value):
      body = "set: {run: \(run), parameter: \(yamlString(name)), value: \(number(value))}"
    case .swapOptimizer(let run, let configuration):
      body = "swap: {run: \(run), " + inline(self.configuration(configuration)) + "}"
    case .addRun(let setup):
      body = "add-run: {" + inline(runSetup(setup)) + "}"
    case .removeRun(let run):
      body = "remove-run: \(run)"
    case .moveStart(let run, let point):
      body = "move-start: {run: \(run), to: \(self.point(point))}"
    case .dropParticle(let run, let point):
      body = "drop-particle: {run: \(run), at: \(self.point(point))}"
    case .setLandscape(let source):
      let fields = landscape(source, noise: nil, indent: "").split(separator: "\n").joined(separator: ", ")
      body = "landscape: {\(fields)}"
    case .setNoise(let sigma):
      body = "noise: \(number(sigma))"
    case .reset(let seed):
      body = "reset: " + (seed.map { "{seed: \($0)}" } ?? "{}")
    }
    return "{step: \(event.step), \(body)}"
  }

  /// `key: value` lines joined into one flow mapping's inside.
  private static func inline(_ lines: [String]) -> String { lines.joined(separator: ", ") }

  static func checksum(_ entry: Checksum) -> String {
    var fields: [String] = []
    if entry.epoch != 0 { fields.append("epoch: \(entry.epoch)") }
    fields.append("step: \(entry.step)")
    fields.append("run: \(entry.run)")
    fields.append("best: " + (entry.bestLoss.map(exactNumber) ?? "null"))
    fields.append("position: " + (entry.bestPosition.map { "[" + $0.components.map(exactNumber).joined(separator: ", ") + "]" } ?? "null"))
    return "{" + fields.joined(separator: ", ") + "}"
  }

  // MARK: - Scalars

  static func point(_ point: Vector) -> String { "[" + point.components.map(number).joined(separator: ", ") + "]" }

  /// The shortest text that reads back as exactly this number; whole
  /// numbers without a decimal point.
  static func number(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
    if value == value.rounded(), abs(value) < 1e15 { return value == 0 ? "0" : String(Int(value)) }
    return "\(value)"
  }

  /// Like `number`, but -0 keeps its sign (checksums compare bits).
  static func exactNumber(_ value: Double) -> String {
    value == 0 && value.sign == .minus ? "-0.0" : number(value)
  }

  /// Text as a plain YAML scalar when that reads back as the same string,
  /// otherwise double-quoted with escapes.
  static func yamlString(_ text: String, alwaysQuote: Bool = false) -> String {
    if !alwaysQuote, isPlainSafe(text) { return text }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if last == " " || first == " " { return false }
    if "-?:,[]{}#&*!|>'\"%@`~=".unicodeScalars.contains(first) { return false }
    if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || "[]{},".unicodeScalars.contains($0) }) { return false }
    let lowered = text.lowercased()
    if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return false }
    if Double(text) != nil || lowered.hasPrefix(".") { return false }
    return true
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
