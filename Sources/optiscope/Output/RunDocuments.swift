import Engine
import OptimizerCore

/// What `run --format json` prints about one finished run.
struct RunDocument: Encodable {
  let landscape: String
  let dimension: Int
  let optimizer: String
  let hyperparameters: [String: JSONSetting]
  let seed: UInt64
  let start: [JSONNumber]
  let noise: JSONNumber
  let steps: Int
  let evaluations: Int
  let gradientEvaluations: Int
  /// `null` before the run has evaluated anything.
  let best: JSONNullable<Best>
  let fStar: JSONNumber
  let gap: JSONNumber

  struct Best: Encodable {
    let point: [JSONNumber]
    let loss: JSONNumber
  }

  enum CodingKeys: String, CodingKey {
    case landscape, dimension, optimizer, hyperparameters, seed, start, noise, steps, evaluations
    case gradientEvaluations = "gradient_evaluations"
    case best
    case fStar = "f_star"
    case gap
  }

  init(_ report: RunReport) {
    let (session, run) = (report.session, report.run)
    landscape = session.landscape.name
    dimension = session.landscape.dimension
    optimizer = run.optimizer.kind.displayName
    let parameters = run.optimizer.hyperparameters
    hyperparameters = Dictionary(
      zip(parameters.specs, parameters.values).map { spec, value in
        switch spec.kind {
        case .boolean: (spec.name, .flag(value != 0))
        case .choice: (spec.name, .label(spec.describe(value)))
        case .real, .integer: (spec.name, .number(JSONNumber(value)))
        }
      }, uniquingKeysWith: { first, _ in first })
    seed = session.seed
    start = JSONNumber.list(run.start.components)
    noise = JSONNumber(session.noise)
    steps = run.steps
    evaluations = run.evaluations
    gradientEvaluations = run.evaluator.gradientEvaluations
    best = JSONNullable(run.best.map { Best(point: JSONNumber.list($0.position.components), loss: JSONNumber($0.loss)) })
    fStar = JSONNumber(session.landscape.knownMinimum?.value)
    gap = JSONNumber(report.gap)
  }
}

/// What `run SCENE --format json` prints: the scene played to its end and
/// each run's outcome.
struct SceneRunsDocument: Encodable {
  let scene: String
  let file: String
  let epoch: Int
  let step: Int
  let runs: [RunDocument]
}
