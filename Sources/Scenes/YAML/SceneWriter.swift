import Engine
import OptimizerCore
import ViewModel
import Yams

/// Writes a scene as YAML in the layout of docs/SCENES.md: sections in a
/// fixed order, points and short records on one line, numbers in their
/// shortest exact form (so that checksums read back bit for bit).
///
/// The scene becomes a tree of Yams nodes whose styles give the layout, and
/// Yams (libyaml) writes the text, so that any title, description or
/// expression, whatever characters it holds, reads back as written.
public enum SceneWriter {
  public static func write(_ scene: Scene) -> String { serialize(document(scene)) }

  /// The `checksums:` section alone, as `write` writes it, for
  /// `ChecksumsSection` to splice into a file, without writing (or
  /// depending on) the rest of the scene.
  /// The `checksums:` section alone, its runs numbered from
  /// `firstRunNumber` (0 for a version 1 file, which `ChecksumsSection`
  /// keeps as it is).
  static func checksumsSection(_ checksums: Checksums, firstRunNumber: Int = 1) -> String {
    serialize(.block([("checksums", self.checksums(checksums, firstRunNumber: firstRunNumber))]))
  }

  private static func serialize(_ node: Node) -> String {
    do {
      // No line width: a long title stays on its line.
      return try Yams.serialize(node: node, width: -1, allowUnicode: true)
    } catch {
      // libyaml fails only on a malformed event stream, which no tree built
      // below is.
      preconditionFailure("Yams could not write a scene: \(error)")
    }
  }

  static func document(_ scene: Scene) -> Node {
    var fields: [(String, Node)] = [("version", .integer(Scene.formatVersion)), ("title", .text(scene.title))]
    if !scene.description.isEmpty { fields.append(("description", .paragraphs(scene.description))) }
    fields += [
      ("landscape", .block(landscape(scene.landscape, noise: scene.noise))),
      ("seed", .integer(scene.seed)),
      ("budget", budget(scene.budget)),
      ("steps", .integer(scene.steps)),
      ("runs", scene.runs.isEmpty ? .flowList([]) : .blockList(scene.runs.map { .block(runSetup($0)) })),
      ("view", view(scene.view)),
    ]
    if !scene.events.isEmpty { fields.append(("events", .blockList(scene.events.map(event)))) }
    if !scene.external.isEmpty { fields.append(("external", ExternalSection.node(scene.external))) }
    if let checksums = scene.checksums { fields.append(("checksums", self.checksums(checksums))) }
    return .block(fields)
  }

  // MARK: - Sections

  static func landscape(_ source: LandscapeSource, noise: Double?) -> [(String, Node)] {
    var fields: [(String, Node)] = []
    switch source.function {
    case .named(let name): fields.append(("function", .text(name)))
    case .expression(let text): fields.append(("expression", .quoted(text)))
    case .command(let command, let dimension):
      fields.append(("command", .quoted(command)))
      if let dimension { fields.append(("dimension", .integer(dimension))) }
    }
    if source.dimension != 2, case .named = source.function { fields.append(("dimension", .integer(source.dimension))) }
    if let domain = source.domain { fields.append(("domain", .flowList(domain.axes.map(axis)))) }
    if let noise, noise != 0 { fields.append(("noise", .number(noise))) }
    return fields
  }

  static func axis(_ axis: Axis) -> Node {
    switch axis.kind {
    case .continuous: return .flowList([.number(axis.lower), .number(axis.upper)])
    case .boolean: return .flow([("kind", .word("boolean"))])
    case .integer:
      return .flow([("lower", .number(axis.lower)), ("upper", .number(axis.upper)), ("kind", .word("integer"))])
    }
  }

  static func budget(_ budget: Budget) -> Node {
    switch budget {
    case .steps(let n): return .flow([("steps", .integer(n))])
    case .evaluations(let n): return .flow([("evaluations", .integer(n))])
    case .unlimited: return .word("unlimited")
    }
  }

  /// A run's fields: optimizer, parts, settings, start.
  static func runSetup(_ setup: RunSetup) -> [(String, Node)] {
    var fields = configuration(setup.configuration)
    if let start = setup.start { fields.append(("start", .point(start))) }
    return fields
  }

  static func configuration(_ configuration: OptimizerConfiguration) -> [(String, Node)] {
    var fields: [(String, Node)] = [("optimizer", .text(configuration.kind.name))]
    if let command = configuration.kind.command { fields.append(("command", .quoted(command))) }
    if let parts = configuration.kind.parts {
      fields.append(
        (
          "parts",
          .flow([
            ("gradient", .text(parts.gradient)), ("update", .text(parts.update)),
            ("guards", .flowList(parts.guards.map { .text($0) })),
          ])
        ))
    }
    if !configuration.settings.isEmpty {
      let specs = configuration.kind.command != nil ? nil : try? OptimizerRegistry.hyperparameters(for: configuration.kind, domain: .cube(-1, 1, dimension: 2))
      let entries = configuration.settings.map { setting in
        (setting.name, settingValue(setting.value, spec: specs?.spec(named: setting.name)))
      }
      fields.append(("settings", .flow(entries)))
    }
    return fields
  }

  /// A flag as true/false, a choice by its label, anything else as a number.
  static func settingValue(_ value: Double, spec: HyperparameterSpec?) -> Node {
    switch spec?.kind {
    case .boolean?: return .flag(value != 0)
    case .choice(let options)? where options.indices.contains(Int(value)) && value == value.rounded():
      return .text(options[Int(value)])
    default: return .number(value)
    }
  }

  /// The `view:` section.
  static func view(_ view: MapView) -> Node {
    var fields: [(String, Node)] = [
      ("colour-map", .word(view.colourMap.rawValue)), ("scale", .word(view.scale.rawValue)),
    ]
    if let viewport = view.viewport {
      fields.append(
        (
          "viewport",
          .flow([
            ("x", .flowList([.number(viewport.x.lowerBound), .number(viewport.x.upperBound)])),
            ("y", .flowList([.number(viewport.y.lowerBound), .number(viewport.y.upperBound)])),
          ])
        ))
    }
    fields += [("trails", .flag(view.trails)), ("probes", .flag(view.probes)), ("overlays", .flag(view.overlays))]
    if view.contours != 0 { fields.append(("contours", .integer(view.contours))) }
    if view.gradientField { fields.append(("gradient-field", .flag(true))) }
    if view.plane != MapPlane() { fields.append(("plane", plane(view.plane))) }
    return .block(fields)
  }

  /// `view.plane` as a flow mapping, axes counted from 1.
  static func plane(_ plane: MapPlane) -> Node {
    let through: Node
    switch plane.through {
    case .best: through = .word("best")
    case .leader: through = .word("leader")
    case .point(let point): through = .point(point)
    }
    return .flow([
      ("basis", .word(plane.basis.rawValue)),
      ("axes", .flowList([.integer(plane.axes.first + 1), .integer(plane.axes.second + 1)])),
      ("seed", .integer(plane.seed)), ("through", through),
    ])
  }

  /// An event as a flow mapping; runs by number (id + 1), as the format's
  /// version 2 has them.
  static func event(_ event: SceneEvent) -> Node {
    let body: (String, Node)
    switch event.command {
    case .setHyperparameter(let run, let name, let value):
      body = ("set", .flow([("run", .integer(run + 1)), ("parameter", .text(name)), ("value", .number(value))]))
    case .swapOptimizer(let run, let configuration):
      body = ("swap", .flow([("run", .integer(run + 1))] + self.configuration(configuration)))
    case .addRun(let setup):
      body = ("add-run", .flow(runSetup(setup)))
    case .removeRun(let run):
      body = ("remove-run", .integer(run + 1))
    case .moveStart(let run, let point):
      body = ("move-start", .flow([("run", .integer(run + 1)), ("to", .point(point))]))
    case .dropParticle(let run, let point):
      body = ("drop-particle", .flow([("run", .integer(run + 1)), ("at", .point(point))]))
    case .setLandscape(let source):
      body = ("landscape", .flow(landscape(source, noise: nil)))
    case .setNoise(let sigma):
      body = ("noise", .number(sigma))
    case .reset(let seed):
      body = ("reset", .flow(seed.map { [("seed", .integer($0))] } ?? []))
    }
    return .flow([("step", .integer(event.step)), body])
  }

  static func checksums(_ checksums: Checksums, firstRunNumber: Int = 1) -> Node {
    var fields: [(String, Node)] = [("every", .integer(checksums.interval))]
    if !checksums.entries.isEmpty {
      fields.append(("at", .blockList(checksums.entries.map { checksum($0, firstRunNumber: firstRunNumber) })))
    }
    return .block(fields)
  }

  static func checksum(_ entry: Checksum, firstRunNumber: Int) -> Node {
    var fields: [(String, Node)] = []
    if entry.epoch != 0 { fields.append(("epoch", .integer(entry.epoch))) }
    fields += [
      ("step", .integer(entry.step)),
      ("run", .integer(entry.run + firstRunNumber)),
      ("best", entry.bestLoss.map(Node.number) ?? .null),
      ("position", entry.bestPosition.map(Node.point) ?? .null),
    ]
    return .flow(fields)
  }
}
