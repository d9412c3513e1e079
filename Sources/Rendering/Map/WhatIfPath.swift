import OptimizerCore

/// Where a run would have gone from its start with a hyperparameter's new
/// value, drawn faint beside its real path: what a live change would have
/// done had it been made at step 0.
public struct WhatIfPath: Sendable, Hashable {
  /// What was changed, for the legend: `lr = 0.4`.
  public var change: String
  /// The run's position at its start and after each step (its particle, or
  /// a population's best point, as its real path is recorded).
  public var points: [Vector]

  public init(change: String, points: [Vector]) {
    self.change = change
    self.points = points
  }

  /// The legend's glyph for it: one of the line glyphs it is drawn with.
  public static let glyph: Character = "╱"
  /// How far its line fades into the map (0: the run's colour, 1: gone).
  public static let faint = 0.45
}
