import Engine
import External
import OptimizerCore
import Scenes

/// Every run's trajectory while a scene plays (`run SCENE --format csv`):
/// one row per run after every iteration, streamed as it is made.
///
/// Columns: epoch (restarts so far), step, run (its number, from 1), optimizer (its
/// registry name, as in `optiscope list optimizers`), evaluations, then
/// the run's leader at this step (`[Particle].leader`), x, y (x1…xn for
/// the widest landscape the scene names, beyond two dimensions) and loss,
/// then its best point so far, best_x, best_y and best_loss. The leader is
/// the particle with the lowest current loss: a single-particle method's
/// particle, a population's best member now. Coordinates a landscape lacks
/// after a change of landscape stay empty.
enum SceneTrajectory {
  /// Plays `scene` and writes its rows to stdout.
  static func stream(_ scene: Scene) throws {
    var player = try ScenePlayer(
      scene: scene, logsProbes: false, keepsTraces: false, external: .live(stepTimeout: ExternalTapes.defaultStepTimeout))
    defer { player.session.externalTapes.endAll() }
    let dimension = widestDimension(of: scene)
    let axes = axisNames(dimension)
    var csv = try CSVStream(
      header: ["epoch", "step", "run", "optimizer", "evaluations"] + axes + ["loss"] + axes.map { "best_" + $0 }
        + ["best_loss"])
    func cells(_ values: [Double]) -> [String] {
      (0..<dimension).map { $0 < values.count ? exactNumber(values[$0]) : "" }
    }
    while let move = try player.advance() {
      guard move == .step else { continue }
      for run in player.session.runs {
        let leader = run.optimizer.particles.leader
        try csv.append(
          [String(player.epoch), String(player.session.step), String(run.number), run.configuration.kind.name,
           String(run.evaluations)]
            + cells(leader?.position.components ?? []) + [leader.map { exactNumber($0.loss) } ?? ""]
            + cells(run.best?.position.components ?? []) + [run.shownBestLoss.map(exactNumber) ?? ""])
      }
    }
    try csv.finish()
  }

  /// The most coordinates of the scene's landscape and of those its events
  /// change to: the columns must be known before the first row.
  static func widestDimension(of scene: Scene) -> Int {
    var sources: Set<LandscapeSource> = [scene.landscape]
    for case .setLandscape(let source) in scene.events.map(\.command) { sources.insert(source) }
    return sources.map { (try? $0.make().dimension) ?? $0.dimension }.max() ?? 2
  }
}
