import Engine
import External
import Landscapes
import OptimizerCore
import ViewModel
import Yams

/// Reads a scene file (docs/SCENES.md), strictly: an unknown field, a value
/// of the wrong type, an unknown optimizer, hyperparameter or landscape, a
/// value out of range or an event naming a run that does not exist at its
/// step is an error at its line and column.
public enum SceneReader {
  /// The scene in `text`; `file` only names the file in errors.
  public static func read(_ text: String, file: String? = nil) throws(SceneError) -> Scene {
    do {
      let root = try parse(text)
      var reader = Reader()
      return try reader.scene(root)
    } catch {
      throw error.located(in: file, text: text)
    }
  }

  /// The YAML document as nodes, or the parser's complaint at its place.
  static func parse(_ text: String) throws(SceneError) -> YAMLValue {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw sceneError(error, text: text)
    } catch {
      throw SceneError("not a YAML document: \(error)")
    }
    guard let node else { throw SceneError("the file is empty; a scene starts with 'version: \(Scene.formatVersion)'", line: 1, column: 1) }
    return YAMLValue(node: node, path: "")
  }

  /// How deep libyaml lets lists and mappings nest (its
  /// MAX_NESTING_LEVEL); a scene nests at most 6 deep.
  static let maximumNesting = 1000

  private static func sceneError(_ error: YamlError, text: String) -> SceneError {
    switch error {
    case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level"):
      return SceneError(
        "bad YAML: lists and mappings nest deeper than \(maximumNesting) levels, the most a scene file may "
          + "nest (a scene needs 6)", line: mark.line, column: mark.column)
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return SceneError("bad YAML: \(problem)\(while_)", line: mark.line, column: mark.column)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return SceneError(
        "bad YAML: the field '\(duplicates.joined(separator: "', '"))' appears twice in one mapping",
        line: context.mark.line, column: context.mark.column, token: duplicates.first)
    case .reader(let problem, let offset, _, _):
      let prefix = offset.map { String(decoding: text.utf8.prefix($0), as: UTF8.self) } ?? ""
      let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
      return SceneError(
        "unreadable text: \(problem)", line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    default:
      return SceneError("bad YAML: \(error)")
    }
  }
}

/// The decoding pass. It keeps what an event needs to be checked where it
/// stands: the landscape then in force and, once the runs are read, the
/// session the scene starts, to which each event is applied as it is read
/// (at step 0: what an event changes does not depend on the iterations
/// before it). The runs alive and their ids are the session's.
private struct Reader {
  /// The landscape in force, for dimensions and hyperparameter ranges.
  var landscape: (any Landscape)?
  /// The number the file gives its first run: 1 from version 2 on, 0 in
  /// version 1, which named runs by their id.
  var firstRunNumber = 1
  /// The scene's `external:` tapes: the hyperparameters an external
  /// optimizer declared, against which its `set` events are checked.
  var externalTapes: [ExternalTapes.Key: ExternalTape] = [:]

  static let sceneFields = [
    "version", "title", "description", "landscape", "seed", "runs", "view", "budget", "steps", "events", "external",
    "checksums",
  ]

  mutating func scene(_ root: YAMLValue) throws(SceneError) -> Scene {
    let fields = try root.mapping(fields: Self.sceneFields)
    let version = try fields.required("version")
    let number = try version.integer()
    guard Scene.readableVersions.contains(number) else {
      throw version.error(
        "this optiscope reads scene versions \(Scene.readableVersions.lowerBound) to "
          + "\(Scene.readableVersions.upperBound), the file is version \(version.text ?? "?")")
    }
    firstRunNumber = number == 1 ? 0 : 1
    let title = try fields.required("title").string()
    let description = try fields["description"]?.string() ?? ""
    let landscapeField = try fields.required("landscape")
    let (source, noise) = try landscapeSection(landscapeField, allowsNoise: true)
    let seed = try fields.required("seed").unsigned()

    var runs: [RunSetup] = []
    for item in try fields["runs"]?.sequence() ?? [] {
      runs.append(try runSetup(item, fields: ["optimizer", "command", "parts", "settings", "start"]))
    }
    let view = try fields["view"].map { v throws(SceneError) in try self.view(v) } ?? MapView()
    let budget = try fields["budget"].map { b throws(SceneError) in try self.budget(b) } ?? .unlimited
    let steps: Int
    if let field = fields["steps"] {
      steps = try field.integer(atLeast: 0, atMost: Limits.steps)
    } else if case .steps(let limit) = budget {
      steps = limit
    } else {
      throw root.error("the scene needs 'steps' (how many steps it lasts) when its budget is not in steps")
    }
    let external = try fields["external"].map { e throws(SceneError) in
      try ExternalSection.read(e, dimension: domainInForce.dimension, firstRunNumber: firstRunNumber)
    } ?? [:]
    externalTapes = external
    var session: Session
    do {
      session = try Session(
        landscape: source, runs: runs, seed: seed, noise: noise, budget: budget, historyDepth: 0, logsProbes: false,
        externalTapes: ExternalTapes(policy: .recordedOnly, tapes: external))
    } catch {
      throw (fields["runs"] ?? root).error("the scene cannot start: \(error)")
    }
    var events: [SceneEvent] = []
    var lastStep = 0
    // The first event of this epoch past the scene's end: an error once
    // no restart follows it, since the scene ends at step `steps` of its
    // last epoch (docs/SCENES.md, "How a scene plays").
    var late: YAMLValue?
    for item in try fields["events"]?.sequence() ?? [] {
      let (event, stepField) = try self.event(item, after: lastStep, session: &session)
      events.append(event)
      lastStep = event.restartsClock ? 0 : event.step
      if event.restartsClock { late = nil } else if late == nil, event.step > steps { late = stepField }
    }
    if let late {
      throw late.error(
        "\(late.path) = \(late.text ?? "") is past the scene's end at step \(steps); the events of the last epoch come at or before 'steps'")
    }
    let checksums = try fields["checksums"].map { c throws(SceneError) in try self.checksums(c) }
    var scene = Scene(
      title: title, description: description, landscape: source, noise: noise, seed: seed, runs: runs, view: view,
      budget: budget, steps: steps, events: events, checksums: checksums)
    scene.external = external
    return scene
  }

  // MARK: - Landscape

  mutating func landscapeSection(_ value: YAMLValue, allowsNoise: Bool) throws(SceneError)
    -> (LandscapeSource, Double)
  {
    let fields = try value.mapping(
      fields: ["function", "expression", "command", "dimension", "domain", "kinds"] + (allowsNoise ? ["noise"] : []))
    let (which, field) = try fields.oneOf(["function", "expression", "command"])
    let asked = try fields["dimension"]?.integer(atLeast: 1, atMost: Limits.dimension)
    let dimension = asked ?? 2
    var source: LandscapeSource
    let base: any Landscape
    if which == "command" {
      // The function's process is started to read its handshake (docs/SCENES.md).
      let command = try field.string()
      source = LandscapeSource(.command(command, dimension: asked))
      do { base = try source.make() } catch { throw field.error(error.description) }
    } else if which == "function" {
      let name = try field.string()
      source = .named(name, dimension: dimension)
      do { base = try LandscapeCatalog.make(name, dimension: dimension) } catch {
        throw field.error(error.description)
      }
    } else {
      let text = try field.string()
      source = .expression(text)
      do { base = try ExpressionLandscape(source: text) } catch {
        // Point at the token inside the expression when it sits on one line.
        let quoted = field.node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        let inline = !text.contains("\n") && field.node.scalar?.style != .literal
        let column = inline ? field.column.map { $0 + (quoted ? 1 : 0) + error.column - 1 } : field.column
        throw SceneError(
          "in the expression: \(error.message)", line: field.line, column: column,
          token: String(text.dropFirst(error.column - 1).prefix(error.length)))
      }
      if fields["dimension"] != nil { throw fields["dimension"]!.error("an expression is always 2-D; drop 'dimension'") }
    }
    var domain = base.domain
    if let domainField = fields["domain"] {
      domain = try self.domain(domainField)
      guard domain.dimension == base.dimension else {
        throw domainField.error("the domain has \(domain.dimension) axes but \(base.name) takes \(base.dimension)")
      }
      source.domain = domain
    }
    if let kindsField = fields["kinds"] {
      var kinds: [AxisKind] = []
      for item in try kindsField.sequence() { kinds.append(try axisKind(item)) }
      guard kinds.count == base.dimension else {
        throw kindsField.error("kinds has \(kinds.count) entries but the landscape has \(base.dimension) axes")
      }
      domain = domain.with(kinds: kinds)
      source.domain = domain
    }
    landscape = source.domain.map { base.with(domain: $0) } ?? base
    let noise = try fields["noise"].map { n throws(SceneError) in try nonNegative(n) } ?? 0
    return (source, noise)
  }

  func domain(_ value: YAMLValue) throws(SceneError) -> Domain {
    var axes: [Axis] = []
    for item in try value.sequence() {
      if case .sequence = item.node {
        let bounds = try item.vector(count: 2, bounded: true)
        guard bounds[0] < bounds[1] else { throw item.error("\(item.path): the lower bound must be below the upper") }
        axes.append(Axis(bounds[0], bounds[1]))
      } else {
        let fields = try item.mapping(fields: ["lower", "upper", "kind"])
        let kind = try fields["kind"].map { k throws(SceneError) in try axisKind(k) } ?? .continuous
        if kind == .boolean {
          axes.append(Axis(0, 1, kind: .boolean))
          continue
        }
        let lower = try fields.required("lower").coordinate()
        let upperField = try fields.required("upper")
        let upper = try upperField.coordinate()
        guard lower < upper else { throw upperField.error("\(item.path): the lower bound must be below the upper") }
        axes.append(Axis(lower, upper, kind: kind))
      }
    }
    guard !axes.isEmpty else { throw value.error("\(value.path) needs at least one axis") }
    return Domain(axes: axes)
  }

  func axisKind(_ value: YAMLValue) throws(SceneError) -> AxisKind {
    let name = try value.string()
    guard let kind = AxisKind(rawValue: name) else {
      let names = AxisKind.allCases.map(\.rawValue)
      throw value.error("unknown axis kind '\(name)'\(suggestionSuffix(for: name, in: names)) (kinds: \(names.joined(separator: ", ")))")
    }
    return kind
  }

  func nonNegative(_ value: YAMLValue) throws(SceneError) -> Double {
    let number = try value.finiteDouble()
    guard number >= 0 else { throw value.error("\(value.path) must be ≥ 0, got \(value.text ?? "")") }
    return number
  }

  // MARK: - Runs

  /// An optimizer with its parts, settings and (for runs) start.
  func runSetup(_ value: YAMLValue, fields names: [String]) throws(SceneError) -> RunSetup {
    let fields = try value.mapping(fields: names)
    let configuration = try self.configuration(fields)
    var start: Vector?
    if let field = fields["start"], field.text != "random" {
      start = try point(field)
    }
    return RunSetup(configuration, start: start)
  }

  /// The optimizer the fields name, checked by `OptimizerChoice` (as on
  /// the command line); an error points at the field that named the part.
  func configuration(_ fields: YAMLMapping) throws(SceneError) -> OptimizerConfiguration {
    let nameField = try fields.required("optimizer")
    var choice = OptimizerChoice(try nameField.string())
    let commandField = fields["command"]
    choice.command = try commandField?.string()
    let partsField = fields["parts"]
    if let partsField {
      let partFields = try partsField.mapping(fields: ["gradient", "update", "guards"])
      var parts = OptimizerChoice.Parts(
        gradient: try partFields["gradient"]?.string(), update: try partFields["update"]?.string())
      if let guardsField = partFields["guards"] {
        var guards: [String] = []
        for item in try guardsField.sequence() { guards.append(try item.string()) }
        parts.guards = guards
      }
      choice.parts = parts
    }
    let entries = try fields["settings"]?.openMapping().entries ?? []
    // A value that is no scalar has no text; it is refused like unreadable text.
    choice.settings = entries.map { HyperparameterSetting($0.key.text ?? "", $0.value.text ?? "") }
    do { return try choice.configuration(on: domainInForce) } catch {
      switch error {
      case .name, .dimension: throw nameField.error(error.description)
      case .parts: throw (partsField ?? nameField).error(error.description)
      case .command: throw (commandField ?? nameField).error(error.description)
      case .setting(let index, let optimizer, let problem):
        throw Self.settingError(problem, optimizer: optimizer, key: entries[index].key, value: entries[index].value)
      }
    }
  }

  /// A setting's error at its node: an unknown name at the key, a bad value
  /// at the value.
  static func settingError(_ problem: SettingError, optimizer: String, key: YAMLValue, value: YAMLValue) -> SceneError {
    switch problem {
    case .unknownName: return key.error(problem.message(optimizer: optimizer))
    case .unreadable(_, _, let expected): return value.typeError(expected: expected)
    case .invalid: return value.error(problem.message(optimizer: optimizer))
    }
  }

  /// The hyperparameters an external optimizer of `run` running `command`
  /// declared, from the scene's tapes (the session that checks the events
  /// applies them all at step 0, where a swapped-in one finds no tape).
  func externalSpecs(run: Int, command: String) -> [HyperparameterSpec]? {
    externalTapes.sorted { $0.key < $1.key }.last { $0.key.run == run && $0.value.command == command }?.value.specs
  }

  /// The domain of the landscape in force.
  var domainInForce: Domain { landscape?.domain ?? .cube(-5, 5, dimension: 2) }

  func point(_ value: YAMLValue) throws(SceneError) -> Vector {
    let dimension = domainInForce.dimension
    let point = try value.vector()
    guard point.dimension == dimension else {
      throw value.error("\(value.path) has \(point.dimension) coordinates; the landscape has \(dimension)")
    }
    return point
  }

  // MARK: - View and budget

  func view(_ value: YAMLValue) throws(SceneError) -> MapView {
    let fields = try value.mapping(
      fields: [
        "colour-map", "scale", "viewport", "zoom", "center", "trails", "probes", "overlays", "contours", "gradient-field",
        "plane",
      ])
    var view = MapView()
    // First, so that zoom and center are about the plane's axes.
    if let field = fields["plane"] { view.plane = try plane(field) }
    if let field = fields["colour-map"] {
      let name = try field.string()
      let names = ColourMapName.allCases.map(\.rawValue)
      guard let colourMap = ColourMapName(typed: name) else {
        throw field.error("unknown colour map '\(name)'\(suggestionSuffix(for: name, in: names)) (maps: \(names.joined(separator: ", ")))")
      }
      view.colourMap = colourMap
    }
    if let field = fields["scale"] {
      let name = try field.string()
      let names = ColourScale.allCases.map(\.rawValue)
      guard let scale = ColourScale(rawValue: name) else {
        throw field.error("unknown scale '\(name)'\(suggestionSuffix(for: name, in: names)) (scales: \(names.joined(separator: ", ")))")
      }
      view.scale = scale
    }
    if let field = fields["viewport"] {
      let sides = try field.mapping(fields: ["x", "y"])
      let xField = try sides.required("x"), yField = try sides.required("y")
      let x = try xField.vector(count: 2, bounded: true), y = try yField.vector(count: 2, bounded: true)
      guard x[0] < x[1] else { throw xField.error("viewport.x must go from low to high") }
      guard y[0] < y[1] else { throw yField.error("viewport.y must go from low to high") }
      view.viewport = Viewport(x: x[0]...x[1], y: y[0]...y[1])
    }
    if fields["zoom"] != nil || fields["center"] != nil {
      if let field = fields["viewport"] { throw field.error("give either viewport or zoom and center, not both") }
      let domain = domainInForce
      var viewport =
        domain.dimension > 2 ? Viewport(domain: domain, axes: view.plane.axes(in: domain.dimension)) : Viewport(domain: domain)
      if let field = fields["center"] {
        let center = try field.vector(count: 2, bounded: true)
        viewport = viewport.panned(
          dx: (center[0] - viewport.center[0]) / viewport.width, dy: (center[1] - viewport.center[1]) / viewport.height)
      }
      if let field = fields["zoom"] {
        let factor = try field.finiteDouble()
        guard factor >= 1 / Limits.zoom, factor <= Limits.zoom else {
          throw field.error("view.zoom must be from \(formatNumber(1 / Limits.zoom)) to \(formatNumber(Limits.zoom)), got \(field.text ?? "")")
        }
        viewport = viewport.zoomed(by: factor)
      }
      view.viewport = viewport
    }
    if let field = fields["trails"] { view.trails = try field.bool() }
    if let field = fields["probes"] { view.probes = try field.bool() }
    if let field = fields["overlays"] { view.overlays = try field.bool() }
    if let field = fields["contours"] { view.contours = try field.integer(atLeast: 0) }
    if let field = fields["gradient-field"] { view.gradientField = try field.bool() }
    return view
  }

  /// `view.plane`: `{basis: axes|principal|random, axes: [I, J], seed: N,
  /// through: best|leader|[x1, …, xn]}`, every field optional. Axes count
  /// from 1; on a landscape of more than two dimensions they and a fixed
  /// point must fit it (on two, the plane waits unused for a landscape
  /// change).
  func plane(_ value: YAMLValue) throws(SceneError) -> MapPlane {
    let fields = try value.mapping(fields: ["basis", "axes", "seed", "through"])
    let dimension = domainInForce.dimension
    let checked = dimension > 2
    var plane = MapPlane()
    if let field = fields["basis"] {
      let name = try field.string()
      let names = MapPlane.Basis.allCases.map(\.rawValue)
      guard let basis = MapPlane.Basis(rawValue: name) else {
        throw field.error("unknown plane basis '\(name)'\(suggestionSuffix(for: name, in: names)) (bases: \(names.joined(separator: ", ")))")
      }
      plane.basis = basis
    }
    if let field = fields["axes"] {
      let items = try field.sequence()
      guard items.count == 2 else { throw field.error("\(field.path) must name two axes, got \(items.count)") }
      let first = try items[0].integer(atLeast: 1, atMost: checked ? dimension : .max)
      let second = try items[1].integer(atLeast: 1, atMost: checked ? dimension : .max)
      guard first != second else { throw field.error("\(field.path) must name two different axes, got \(first) twice") }
      plane.axes = MapPlane.Axes(first - 1, second - 1)
    }
    if let field = fields["seed"] { plane.seed = try field.unsigned() }
    if let field = fields["through"] {
      switch field.text {
      case "best": plane.through = .best
      case "leader": plane.through = .leader
      default:
        guard case .sequence = field.node else { throw field.typeError(expected: "best, leader or a point [x1, …, xn]") }
        let point = try field.vector(bounded: true)
        if checked, point.dimension != dimension {
          throw field.error("\(field.path) has \(point.dimension) coordinates; the landscape has \(dimension)")
        }
        plane.through = .point(point)
      }
    }
    return plane
  }

  func budget(_ value: YAMLValue) throws(SceneError) -> Budget {
    if value.text == "unlimited" { return .unlimited }
    guard case .mapping = value.node else { throw value.typeError(expected: "unlimited, {steps: N} or {evaluations: N}") }
    let fields = try value.mapping(fields: ["steps", "evaluations"])
    let (which, field) = try fields.oneOf(["steps", "evaluations"])
    let limit = try field.integer(atLeast: 1, atMost: Limits.steps)
    return which == "steps" ? .steps(limit) : .evaluations(limit)
  }

  // MARK: - Events

  static let eventKinds = [
    "set", "swap", "add-run", "remove-run", "move-start", "drop-particle", "landscape", "noise", "reset",
  ]

  /// The event, checked against `session` as it stands, then applied to
  /// it; with its step field, for later checks.
  mutating func event(_ value: YAMLValue, after lastStep: Int, session: inout Session) throws(SceneError)
    -> (SceneEvent, step: YAMLValue)
  {
    let fields = try value.mapping(fields: ["step"] + Self.eventKinds)
    let stepField = try fields.required("step")
    let step = try stepField.integer(atLeast: 0, atMost: Limits.steps)
    guard step >= lastStep else {
      throw stepField.error(
        "\(stepField.path) = \(step) comes before the previous event's step \(lastStep); events are in the order they happened")
    }
    let (kind, field) = try fields.oneOf(Self.eventKinds)
    let command = try self.command(kind, field, session: session)
    do { try session.apply(command) } catch { throw field.error(error.description) }
    return (SceneEvent(step: step, command), stepField)
  }

  mutating func command(_ kind: String, _ value: YAMLValue, session: Session) throws(SceneError) -> Command {
    switch kind {
    case "set":
      let fields = try value.mapping(fields: ["run", "parameter", "value"])
      let run = try liveRun(try fields.required("run"), in: session)
      let parameterField = try fields.required("parameter"), valueField = try fields.required("value")
      // As for settings: a value that is no scalar has no text.
      let setting = HyperparameterSetting(try parameterField.string(), valueField.text ?? "")
      var parameters = run.optimizer.hyperparameters
      if let command = run.optimizer.kind.command, let specs = externalSpecs(run: run.id, command: command) {
        parameters = Hyperparameters(specs, width: domainInForce.width, dimension: domainInForce.dimension)
      }
      do {
        let number = try setting.apply(to: &parameters)
        return .setHyperparameter(run: run.id, name: setting.name, value: number)
      } catch {
        throw Self.settingError(error, optimizer: Self.shownName(of: run), key: parameterField, value: valueField)
      }
    case "swap":
      let fields = try value.mapping(fields: ["run", "optimizer", "command", "parts", "settings"])
      let run = try liveRun(try fields.required("run"), in: session)
      return .swapOptimizer(run: run.id, try self.configuration(fields))
    case "add-run":
      return .addRun(try runSetup(value, fields: ["optimizer", "command", "parts", "settings", "start"]))
    case "remove-run":
      return .removeRun(try liveRun(value, in: session).id)
    case "move-start":
      let fields = try value.mapping(fields: ["run", "to"])
      let run = try liveRun(try fields.required("run"), in: session)
      return .moveStart(run: run.id, to: try point(try fields.required("to")))
    case "drop-particle":
      let fields = try value.mapping(fields: ["run", "at"])
      let run = try liveRun(try fields.required("run"), in: session)
      return .dropParticle(run: run.id, at: try point(try fields.required("at")))
    case "landscape":
      let (source, _) = try landscapeSection(value, allowsNoise: false)
      return .setLandscape(source)
    case "noise":
      return .setNoise(try nonNegative(value))
    default:  // reset
      if value.isNull { return .reset(seed: nil) }
      let fields = try value.mapping(fields: ["seed"])
      return .reset(seed: try fields["seed"]?.unsigned())
    }
  }

  /// A run's optimizer as a scene names it: with its parts unless they
  /// are its preset's own (the session keeps them filled in).
  static func shownName(of run: Run) -> String {
    let kind = run.configuration.kind
    let preset = try? OptimizerRegistry.resolve(OptimizerKind(name: kind.name))
    return kind.parts == preset?.parts ? kind.name : kind.displayName
  }

  /// The run of that number, alive at this point of the events.
  func liveRun(_ value: YAMLValue, in session: Session) throws(SceneError) -> Run {
    let number = try value.integer(atLeast: firstRunNumber)
    guard let run = session.run(number - firstRunNumber) else {
      let alive = session.runs.map { String($0.id + firstRunNumber) }.joined(separator: ", ")
      throw value.error("there is no run \(number) at this point; the runs are \(alive.isEmpty ? "none" : alive)")
    }
    return run
  }

  // MARK: - Checksums

  func checksums(_ value: YAMLValue) throws(SceneError) -> Checksums {
    let fields = try value.mapping(fields: ["every", "at"])
    var checksums = Checksums(interval: try fields.required("every").integer(atLeast: 1, atMost: Limits.steps))
    for item in try fields["at"]?.sequence() ?? [] {
      let entry = try item.mapping(fields: ["epoch", "step", "run", "best", "position"])
      let best = try entry["best"].flatMap { b throws(SceneError) in b.isNull ? nil : try b.double() }
      let position = try entry["position"].flatMap { p throws(SceneError) in p.isNull ? nil : try p.vector() }
      checksums.entries.append(
        Checksum(
          epoch: try entry["epoch"]?.integer(atLeast: 0) ?? 0, step: try entry.required("step").integer(atLeast: 0),
          run: try entry.required("run").integer(atLeast: firstRunNumber) - firstRunNumber, bestLoss: best, bestPosition: position))
    }
    return checksums
  }
}
