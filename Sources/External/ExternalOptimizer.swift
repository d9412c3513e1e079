import OptimizerCore

/// An optimizer that runs in a child process (docs/PROTOCOL.md), or that
/// replays what such a process did from its tape.
///
/// A step whose tape holds it, recorded with the same settings and
/// answered with the same values, is replayed from the tape: the same
/// points are evaluated through the run's evaluator, so counts, best and
/// probes are what they were, and the process is not needed. Any other
/// step is the process's: if it does not stand at this step (this is a
/// copy restored by step-back, or a replay of a scene), it is started
/// again and driven through the recorded steps with the recorded answers;
/// if it answers differently, the run says so and goes on with a fresh
/// process started from its particles.
public struct ExternalOptimizer: Optimizer {
  public private(set) var kind: OptimizerKind
  public var hyperparameters: Hyperparameters
  public private(set) var particles: [Particle]
  /// Why the run ended, with the process's last lines of stderr.
  public private(set) var externalFailure: ExternalFailure?
  public private(set) var notice: String?
  private let key: ExternalTapes.Key
  private let tapes: ExternalTapes
  private let domain: Domain
  private let evaluationBudget: Int?
  private let hasAnalyticGradient: Bool
  /// The seed of the first process, from the run's stream.
  private let seed: UInt64
  /// The first segment this optimizer began with: a tape that no longer
  /// starts with it was rewritten by another timeline.
  private var origin: ExternalTape.Segment
  /// Steps taken.
  private var taken = 0
  private var lastOutcome: ExternalTape.Outcome?

  public init(
    _ configuration: OptimizerConfiguration, adopting adopted: [Particle], context: StepContext,
    hasAnalyticGradient: Bool, rng: inout SeededGenerator, key: ExternalTapes.Key, tapes: ExternalTapes
  ) {
    let command = configuration.kind.command ?? ""
    kind = OptimizerKind(name: OptimizerKind.externalName, command: command)
    particles = adopted
    self.key = key
    self.tapes = tapes
    domain = context.domain
    evaluationBudget = context.evaluationBudget
    self.hasAnalyticGradient = hasAnalyticGradient
    // 53 bits, so that every JSON reader holds it exactly.
    seed = rng.next() >> 11
    hyperparameters = Hyperparameters([], width: context.width, dimension: context.dimension)
    origin = ExternalTape.Segment(firstStep: 0, start: adopted.map(\.position), seed: seed, settings: [])
    do {
      try begin(configuration.settings)
    } catch {
      externalFailure = error
      tapes.retire(key, restarting: false)
    }
  }

  public var failure: String? { externalFailure?.description }

  public var best: Point? { particles.compactMap { $0.loss.isNaN ? nil : $0.bestKnown }.min { $0.isBetter(than: $1) } }

  public func inspect() -> Inspection {
    guard let lastOutcome else { return Inspection() }
    return Inspection(
      readouts: lastOutcome.readouts.map { Readout($0.name, value: $0.value) },
      overlays: lastOutcome.overlays.map(\.overlay))
  }

  public func retire(restarting: Bool) { tapes.retire(key, restarting: restarting) }

  private var stepTimeout: Double? {
    guard case .live(let timeout) = tapes.policy else { return nil }
    return timeout
  }

  // MARK: - The handshake

  /// Finds this optimizer's tape, or starts the process and begins one.
  private mutating func begin(_ settings: [OptimizerConfiguration.Setting]) throws(ExternalFailure) {
    let command = kind.command!
    if let tape = tapes.tape(key), tape.command == command, let first = tape.segments.first,
      first.start == origin.start, first.seed == seed
    {
      kind.label = tape.name
      hyperparameters = try Self.hyperparameters(tape.specs, settings, name: tape.name, domain: domain)
      if hyperparameters.values == first.settings {
        origin = first
        return
      }
    }
    guard let timeout = stepTimeout else {
      throw ExternalFailure(
        "the scene holds no recording of this external optimizer ('\(command)') for run \(key.run + 1), and a replay that checks a recording does not start its process",
        stderr: [])
    }
    if try restartParked(command: command, settings: settings, timeout: timeout) { return }
    let link = tapes.link(key)
    let hello = helloMessage(start: origin.start, seed: seed, settings: settings.map { ($0.name, $0.value) })
    let (name, specs) = try link.start(command: command, hello: hello, timeout: timeout, dimension: domain.dimension)
    kind.label = name
    do {
      hyperparameters = try Self.hyperparameters(specs, settings, name: name, domain: domain)
    } catch {
      link.end()
      throw error
    }
    link.processStep = 0
    link.segmentStart = 0
    link.processSettings = hyperparameters.values
    origin.settings = hyperparameters.values
    tapes.store(ExternalTape(command: command, name: name, specs: specs, segments: [origin]), at: key)
  }

  /// After a reset or a new start of this run: asks the process that ran
  /// its optimizer until now to start over from this one's start and seed
  /// (`reset`), so that it need not be started again. False when there is
  /// none, or it refused (it is then ended, and a fresh one started).
  private mutating func restartParked(
    command: String, settings: [OptimizerConfiguration.Setting], timeout: Double
  ) throws(ExternalFailure) -> Bool {
    guard let link = tapes.unpark(run: key.run), link.command == command, let name = link.name else { return false }
    guard (try? link.reset(start: origin.start, seed: seed, timeout: timeout)) == true else {
      link.end()
      return false
    }
    tapes.adopt(link, at: key)
    kind.label = name
    hyperparameters = try Self.hyperparameters(link.specs, settings, name: name, domain: domain)
    // The process keeps the settings it had; the recipe's are sent where they differ.
    guard try link.sendSettings(hyperparameters.values, specs: link.specs, timeout: timeout).isEmpty else {
      link.end()
      throw ExternalFailure("the process refused its settings after a reset", stderr: [])
    }
    origin.settings = hyperparameters.values
    tapes.store(ExternalTape(command: command, name: name, specs: link.specs, segments: [origin]), at: key)
    return true
  }

  /// The declared specs with the recipe's settings applied.
  private static func hyperparameters(
    _ specs: [HyperparameterSpec], _ settings: [OptimizerConfiguration.Setting], name: String, domain: Domain
  ) throws(ExternalFailure) -> Hyperparameters {
    var hyperparameters = Hyperparameters(specs, width: domain.width, dimension: domain.dimension)
    for setting in settings {
      do { try hyperparameters.set(setting.name, to: setting.value) } catch {
        throw ExternalFailure("\(name): \(error)", stderr: [])
      }
    }
    return hyperparameters
  }

  private func helloMessage(start: [Vector], seed: UInt64, settings: [(String, Double)]) -> JSONValue {
    let kinds = domain.axes.map { JSONValue.string($0.kind.rawValue) }
    return .object([
      "type": .string("hello"), "protocol": .number(1), "role": .string("optimizer"),
      "dimension": .number(Double(domain.dimension)),
      "bounds": .array(domain.axes.map { .point([$0.lower, $0.upper]) }),
      "kinds": .array(kinds), "seed": .number(Double(seed)),
      "start": .array(start.map { .point($0.components) }),
      "settings": .object(Dictionary(settings.map { ($0.0, JSONValue.finite($0.1)) }, uniquingKeysWith: { $1 })),
      "budget": evaluationBudget.map { .object(["evaluations": .number(Double($0))]) } ?? .null,
      "gradients": .string(hasAnalyticGradient ? "analytic" : "differences"),
    ])
  }

  /// The settings of a segment that differ from the specs' defaults, by name.
  private func changedSettings(_ values: [Double]) -> [(String, Double)] {
    zip(hyperparameters.specs, values).compactMap { $0.defaultValue == $1 ? nil : ($0.name, $1) }
  }

  // MARK: - A step

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    guard externalFailure == nil else { return }
    notice = nil
    let index = taken
    if let tape = tapes.tape(key), tape.segments.first == origin, index < tape.steps.count,
      tape.steps[index].settings == hyperparameters.values
    {
      var trial = f
      if Self.replay(tape.steps[index], on: &trial) {
        f = trial
        finish(tape.steps[index].outcome)
        return
      }
    }
    do {
      try stepLive(index, &f)
    } catch {
      externalFailure = error
      tapes.retire(key, restarting: false)
    }
  }

  /// Evaluates the recorded points again; false when some value differs
  /// from the recording (the landscape or the noise is not what it was).
  private static func replay(_ step: ExternalTape.Step, on f: inout Evaluator) -> Bool {
    for request in step.requests {
      for (i, point) in request.points.enumerated() {
        var x = point
        let value = f.evaluate(&x)
        guard value == request.values[i] || (value.isNaN && request.values[i].isNaN) else { return false }
        if request.wantsGradients, f.gradient(at: x) != request.gradients[i] { return false }
      }
    }
    return true
  }

  private mutating func finish(_ outcome: ExternalTape.Outcome) {
    particles = outcome.particles.enumerated().map { index, position in
      Particle(
        position: position, loss: index < outcome.losses.count ? outcome.losses[index] : .nan,
        tag: index < outcome.roles.count ? outcome.roles[index] : nil)
    }
    lastOutcome = outcome
    taken += 1
  }

  /// The step `index` taken by the process, which is first brought there.
  private mutating func stepLive(_ index: Int, _ f: inout Evaluator) throws(ExternalFailure) {
    guard let timeout = stepTimeout else {
      throw ExternalFailure(
        "the recording of this external optimizer ('\(kind.command!)') ends before step \(index + 1), or the step went otherwise, and a replay that checks a recording does not start its process",
        stderr: [])
    }
    tapes.update(key) { $0.truncate(from: index) }
    let link = tapes.link(key)
    try bring(link, to: index, timeout: timeout)
    for refusal in try link.sendSettings(hyperparameters.values, specs: hyperparameters.specs, timeout: timeout) {
      let spec = hyperparameters.specs[refusal.index]
      notice = "the process refused \(spec.name) = \(exactNumber(hyperparameters.values[refusal.index])): \(refusal.message.escapingControlCharacters())"
      try? hyperparameters.set(spec.name, to: link.processSettings[refusal.index])
    }
    var requests: [ExternalTape.Request] = []
    let dimension = domain.dimension
    let outcome = try link.step(index + 1, dimension: dimension, timeout: timeout) { points, wantsGradients, _ in
      var evaluated: [Vector] = []
      var values: [Double] = []
      var gradients: [Vector] = []
      for point in points {
        var x = point
        values.append(f.evaluate(&x))
        evaluated.append(x)
        if wantsGradients { gradients.append(f.gradient(at: x)) }
      }
      requests.append(ExternalTape.Request(points: points, wantsGradients: wantsGradients, values: values, gradients: gradients))
      return Self.valuesMessage(evaluated, values, gradients, wantsGradients)
    }
    let recorded = ExternalTape.Step(settings: hyperparameters.values, requests: requests, outcome: outcome)
    tapes.update(key) { $0.steps.append(recorded) }
    finish(outcome)
  }

  private static func valuesMessage(_ points: [Vector], _ values: [Double], _ gradients: [Vector], _ wantsGradients: Bool)
    -> JSONValue
  {
    var fields: [String: JSONValue] = [
      "type": .string("values"), "points": .array(points.map { .point($0.components) }),
      "values": .array(values.map(JSONValue.finite)),
    ]
    if wantsGradients { fields["gradients"] = .array(gradients.map { .point($0.components) }) }
    return .object(fields)
  }

  /// Makes the link's process stand at step `index`: as it is, or started
  /// again for the tape's segment and driven through its recorded steps.
  /// If it answers differently from the tape, a fresh process is started
  /// from the particles, and `notice` says so.
  private mutating func bring(_ link: ExternalLink, to index: Int, timeout: Double) throws(ExternalFailure) {
    guard let tape = tapes.tape(key), tape.segments.first == origin else {
      throw ExternalFailure(
        "its recording was replaced by another timeline (a change undone and made otherwise); swap the optimizer in again to start it afresh",
        stderr: [])
    }
    let segment = tape.segment(containing: index)
    if link.isReady(at: index, segment: segment.firstStep) { return }
    let hello = helloMessage(start: segment.start, seed: segment.seed, settings: changedSettings(segment.settings))
    let answer = try link.start(command: tape.command, hello: hello, timeout: timeout, dimension: domain.dimension)
    guard answer.name == tape.name, answer.specs == tape.specs else {
      return try restartFresh(link, at: index, timeout: timeout, because: "it declared another name or other hyperparameters")
    }
    link.processStep = segment.firstStep
    link.segmentStart = segment.firstStep
    link.processSettings = segment.settings
    for stepIndex in segment.firstStep..<index {
      let recorded = tape.steps[stepIndex]
      guard try link.sendSettings(recorded.settings, specs: tape.specs, timeout: timeout).isEmpty else {
        return try restartFresh(link, at: index, timeout: timeout, because: "it refused a setting it had taken at step \(stepIndex + 1)")
      }
      var next = 0
      var differs = false
      let outcome = try link.step(stepIndex + 1, dimension: domain.dimension, timeout: timeout) { points, wantsGradients, _ in
        guard next < recorded.requests.count, recorded.requests[next].points == points,
          recorded.requests[next].wantsGradients == wantsGradients
        else {
          differs = true
          let values = [Double](repeating: .nan, count: points.count)
          return Self.valuesMessage(points, values, points.map { _ in Vector.zeros(domain.dimension) }, wantsGradients)
        }
        let request = recorded.requests[next]
        next += 1
        return Self.valuesMessage(
          request.points.map { domain.projected($0) }, request.values, request.gradients, wantsGradients)
      }
      if differs || next != recorded.requests.count || outcome.particles != recorded.outcome.particles {
        return try restartFresh(link, at: index, timeout: timeout, because: "at step \(stepIndex + 1) it asked for other points or ended elsewhere")
      }
    }
  }

  /// Starts a fresh process from the run's particles at step `index`, as a
  /// new segment of the tape.
  private mutating func restartFresh(_ link: ExternalLink, at index: Int, timeout: Double, because reason: String)
    throws(ExternalFailure)
  {
    let command = kind.command!
    var mixer = SeededGenerator(seed: seed, stream: UInt64(index))
    let segment = ExternalTape.Segment(
      firstStep: index, start: particles.map(\.position), seed: mixer.next() >> 11, settings: hyperparameters.values)
    let hello = helloMessage(start: segment.start, seed: segment.seed, settings: changedSettings(segment.settings))
    let answer = try link.start(command: command, hello: hello, timeout: timeout, dimension: domain.dimension)
    guard answer.specs.map(\.name) == hyperparameters.names else {
      throw ExternalFailure("the process started again declared other hyperparameters than before", stderr: [])
    }
    link.processStep = index
    link.segmentStart = index
    link.processSettings = segment.settings
    notice = "the process answered differently from the recording (\(reason)); it goes on from a fresh process started at step \(index) from the run's particles"
    tapes.update(key) { tape in
      tape.truncate(from: index)
      tape.segments.append(segment)
    }
  }
}
