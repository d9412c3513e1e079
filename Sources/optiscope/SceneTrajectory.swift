import Engine
import OptimizerCore
import Scenes

/// Every run's trajectory while a scene plays (`run SCENE --format csv`):
/// one row per run after every iteration.
///
/// Columns: epoch (restarts so far), step, run (its id), optimizer (its
/// registry name, as in `optiscope list optimizers`), evaluations, then
/// the run's leader at this step (`[Particle].leader`), x, y (x1…xn beyond
/// two dimensions) and loss, then its best point so far, best_x, best_y
/// and best_loss. The leader is the particle with the lowest current loss:
/// a single-particle method's particle, a population's best member now.
/// Coordinates a landscape lacks after a change of landscape stay empty.
enum SceneTrajectory {
  static func table(_ scene: Scene) throws(SceneError) -> TextTable {
    var player = try ScenePlayer(scene: scene, logsProbes: false)
    var rows: [(fixed: [String], position: [Double], loss: Double?, best: [Double], bestLoss: Double?)] = []
    var dimension = player.session.landscape.dimension
    while let move = try player.advance() {
      guard move == .step else { continue }
      dimension = max(dimension, player.session.landscape.dimension)
      for run in player.session.runs {
        let leader = run.optimizer.particles.leader
        rows.append(
          (
            [String(player.epoch), String(player.session.step), String(run.id), run.configuration.kind.name,
             String(run.evaluations)],
            leader?.position.components ?? [], leader?.loss, run.best?.position.components ?? [], run.shownBestLoss
          ))
      }
    }
    let axes = axisNames(dimension)
    var table = TextTable(
      ["epoch", "step", "run", "optimizer", "evaluations"] + axes + ["loss"] + axes.map { "best_" + $0 } + ["best_loss"])
    func cells(_ values: [Double]) -> [String] {
      (0..<dimension).map { $0 < values.count ? exactNumber(values[$0]) : "" }
    }
    for row in rows {
      table.append(
        row.fixed + cells(row.position) + [row.loss.map(exactNumber) ?? ""] + cells(row.best)
          + [row.bestLoss.map(exactNumber) ?? ""])
    }
    return table
  }
}
