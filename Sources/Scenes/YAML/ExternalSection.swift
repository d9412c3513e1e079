import External
import OptimizerCore
import Yams

/// The `external:` section of a scene (docs/SCENES.md): each external
/// optimizer's tape, by where it was made, so that the scene replays
/// without the process. Settings are written for the first step and then
/// only where they change.
enum ExternalSection {
  static func node(_ tapes: [ExternalTapes.Key: ExternalTape]) -> Node {
    .blockList(tapes.sorted { $0.key < $1.key }.map { key, tape in tapeNode(key, tape) })
  }

  private static func tapeNode(_ key: ExternalTapes.Key, _ tape: ExternalTape) -> Node {
    var fields: [(String, Node)] = [
      ("run", .integer(key.run + 1)), ("restart", .integer(key.restart)), ("step", .integer(key.step)),
      ("command", .quoted(tape.command)), ("name", .text(tape.name)),
    ]
    if !tape.specs.isEmpty { fields.append(("hyperparameters", .blockList(tape.specs.map(specNode)))) }
    fields.append(("segments", .blockList(tape.segments.map(segmentNode))))
    var settings: [Double]? = nil
    let steps = tape.steps.map { step -> Node in
      defer { settings = step.settings }
      return stepNode(step, writingSettings: settings != step.settings)
    }
    fields.append(("steps", steps.isEmpty ? .flowList([]) : .blockList(steps)))
    return .block(fields)
  }

  private static func specNode(_ spec: HyperparameterSpec) -> Node {
    var fields: [(String, Node)] = [
      ("name", .text(spec.name)), ("default", .number(spec.defaultValue)),
      ("range", .flowList([.number(spec.range.lowerBound), .number(spec.range.upperBound)])),
    ]
    if spec.symbol != spec.name { fields.append(("symbol", .text(spec.symbol))) }
    if spec.scale == .log { fields.append(("scale", .word("log"))) }
    switch spec.kind {
    case .integer: fields.append(("kind", .word("integer")))
    case .boolean: fields.append(("kind", .word("boolean")))
    default: break
    }
    if !spec.help.isEmpty { fields.append(("help", .text(spec.help))) }
    return .flow(fields)
  }

  private static func segmentNode(_ segment: ExternalTape.Segment) -> Node {
    .flow([
      ("step", .integer(segment.firstStep)), ("seed", .integer(segment.seed)),
      ("settings", .flowList(segment.settings.map(Node.number))),
      ("start", .flowList(segment.start.map(Node.point))),
    ])
  }

  private static func stepNode(_ step: ExternalTape.Step, writingSettings: Bool) -> Node {
    var fields: [(String, Node)] = []
    if writingSettings { fields.append(("settings", .flowList(step.settings.map(Node.number)))) }
    if !step.requests.isEmpty {
      fields.append(("asked", .blockList(step.requests.map(requestNode))))
    }
    let outcome = step.outcome
    fields.append(("particles", .flowList(outcome.particles.map(Node.point))))
    if !outcome.losses.isEmpty { fields.append(("losses", .flowList(outcome.losses.map(Node.number)))) }
    if !outcome.roles.isEmpty { fields.append(("roles", .flowList(outcome.roles.map { .text($0) }))) }
    if !outcome.readouts.isEmpty {
      fields.append(("readouts", .flow(outcome.readouts.map { ($0.name, .number($0.value)) })))
    }
    if !outcome.overlays.isEmpty {
      fields.append(("overlays", .blockList(outcome.overlays.map(overlayNode))))
    }
    return .block(fields)
  }

  private static func requestNode(_ request: ExternalTape.Request) -> Node {
    var fields: [(String, Node)] = [
      ("points", .flowList(request.points.map(Node.point))), ("values", .flowList(request.values.map(Node.number))),
    ]
    if request.wantsGradients { fields.append(("gradients", .flowList(request.gradients.map(Node.point)))) }
    return .flow(fields)
  }

  private static func overlayNode(_ overlay: ExternalOverlay) -> Node {
    var fields: [(String, Node)] = [("role", .word(overlay.role.rawValue))]
    if let from = overlay.from { fields.append(("from", .point(from))) }
    fields.append((overlay.from == nil ? "at" : "to", .point(overlay.to)))
    return .flow(fields)
  }

  // MARK: - Reading

  /// The tapes of an `external:` section; points have `dimension`
  /// coordinates, and runs are numbered from `firstRunNumber`.
  static func read(_ value: YAMLValue, dimension: Int, firstRunNumber: Int) throws(SceneError)
    -> [ExternalTapes.Key: ExternalTape]
  {
    var tapes: [ExternalTapes.Key: ExternalTape] = [:]
    for item in try value.sequence() {
      let fields = try item.mapping(fields: ["run", "restart", "step", "command", "name", "hyperparameters", "segments", "steps"])
      let runField = try fields.required("run")
      let key = ExternalTapes.Key(
        run: try runField.integer(atLeast: firstRunNumber) - firstRunNumber,
        restart: try fields.required("restart").integer(atLeast: 0),
        step: try fields.required("step").integer(atLeast: 0))
      guard tapes[key] == nil else {
        throw item.error("\(item.path) repeats run \(key.run + firstRunNumber), restart \(key.restart), step \(key.step)")
      }
      var specs: [HyperparameterSpec] = []
      for spec in try fields["hyperparameters"]?.sequence() ?? [] { specs.append(try self.spec(spec)) }
      var segments: [ExternalTape.Segment] = []
      for segment in try fields.required("segments").sequence() {
        segments.append(try self.segment(segment, dimension: dimension, settings: specs.count))
      }
      guard let first = segments.first, first.firstStep == 0 else {
        throw (try fields.required("segments")).error("the first of \(item.path).segments must begin at step 0")
      }
      var steps: [ExternalTape.Step] = []
      var settings = first.settings
      for step in try fields.required("steps").sequence() {
        let recorded = try self.step(step, dimension: dimension, settings: &settings)
        steps.append(recorded)
      }
      tapes[key] = ExternalTape(
        command: try fields.required("command").string(), name: try fields.required("name").string(), specs: specs,
        segments: segments, steps: steps)
    }
    return tapes
  }

  private static func spec(_ value: YAMLValue) throws(SceneError) -> HyperparameterSpec {
    let fields = try value.mapping(fields: ["name", "default", "range", "symbol", "scale", "kind", "help"])
    let name = try fields.required("name").string()
    let rangeField = try fields.required("range")
    let range = try rangeField.vector(count: 2)
    let defaultField = try fields.required("default")
    let defaultValue = try defaultField.finiteDouble()
    guard range[0] <= range[1], (range[0]...range[1]).contains(defaultValue) else {
      throw defaultField.error("\(defaultField.path) must lie in \(value.path).range")
    }
    let scaleField = fields["scale"]
    let scale = try scaleField.map { f throws(SceneError) in
      guard let scale = HyperparameterSpec.Scale(rawValue: try f.string()) else { throw f.typeError(expected: "linear or log") }
      return scale
    } ?? .linear
    guard scale == .linear || range[0] > 0 else { throw rangeField.error("a log-scale range must be positive") }
    let kind: HyperparameterSpec.Kind
    switch try fields["kind"]?.string() ?? "real" {
    case "real": kind = .real
    case "integer": kind = .integer
    case "boolean": kind = .boolean
    default: throw fields["kind"]!.typeError(expected: "real, integer or boolean")
    }
    return HyperparameterSpec(
      name, symbol: try fields["symbol"]?.string() ?? name, default: defaultValue, range: range[0]...range[1],
      scale: scale, kind: kind, help: try fields["help"]?.string() ?? "")
  }

  private static func segment(_ value: YAMLValue, dimension: Int, settings count: Int) throws(SceneError)
    -> ExternalTape.Segment
  {
    let fields = try value.mapping(fields: ["step", "seed", "settings", "start"])
    var start: [Vector] = []
    for point in try fields.required("start").sequence() { start.append(try point.vector(count: dimension)) }
    let settingsField = try fields.required("settings")
    let settings = try settingsField.vector(count: count).components
    return ExternalTape.Segment(
      firstStep: try fields.required("step").integer(atLeast: 0), start: start,
      seed: try fields.required("seed").unsigned(), settings: settings)
  }

  private static func step(_ value: YAMLValue, dimension: Int, settings: inout [Double]) throws(SceneError)
    -> ExternalTape.Step
  {
    let fields = try value.mapping(fields: ["settings", "asked", "particles", "losses", "roles", "readouts", "overlays"])
    if let field = fields["settings"] { settings = try field.vector(count: settings.count).components }
    var requests: [ExternalTape.Request] = []
    for request in try fields["asked"]?.sequence() ?? [] {
      let entry = try request.mapping(fields: ["points", "values", "gradients"])
      var points: [Vector] = []
      for point in try entry.required("points").sequence() { points.append(try point.vector(count: dimension)) }
      let valuesField = try entry.required("values")
      var values: [Double] = []
      for number in try valuesField.sequence() { values.append(try number.double()) }
      guard values.count == points.count else {
        throw valuesField.error("\(valuesField.path) has \(values.count) values for \(points.count) points")
      }
      var gradients: [Vector] = []
      for gradient in try entry["gradients"]?.sequence() ?? [] { gradients.append(try gradient.vector(count: dimension)) }
      let wantsGradients = entry["gradients"] != nil
      if wantsGradients, gradients.count != points.count {
        throw entry["gradients"]!.error("\(entry["gradients"]!.path) has \(gradients.count) gradients for \(points.count) points")
      }
      requests.append(ExternalTape.Request(points: points, wantsGradients: wantsGradients, values: values, gradients: gradients))
    }
    var particles: [Vector] = []
    let particlesField = try fields.required("particles")
    for point in try particlesField.sequence() { particles.append(try point.vector(count: dimension)) }
    guard !particles.isEmpty else { throw particlesField.error("\(particlesField.path) must hold at least one point") }
    var outcome = ExternalTape.Outcome(particles: particles)
    for number in try fields["losses"]?.sequence() ?? [] { outcome.losses.append(try number.double()) }
    for role in try fields["roles"]?.sequence() ?? [] { outcome.roles.append(try role.string()) }
    for entry in try fields["readouts"]?.mapping(fields: []).entries ?? [] {
      outcome.readouts.append(.init(try entry.key.string(), try entry.value.double()))
    }
    for overlay in try fields["overlays"]?.sequence() ?? [] {
      let entry = try overlay.mapping(fields: ["role", "from", "to", "at"])
      let roleField = try entry.required("role")
      guard let role = OverlayRole(rawValue: try roleField.string()) else {
        throw roleField.typeError(expected: "an overlay role (docs/PROTOCOL.md)")
      }
      let from = try entry["from"]?.vector(count: dimension)
      let to = try entry.required(from == nil ? "at" : "to").vector(count: dimension)
      outcome.overlays.append(ExternalOverlay(role: role, from: from, to: to))
    }
    return ExternalTape.Step(settings: settings, requests: requests, outcome: outcome)
  }
}
