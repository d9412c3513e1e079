/// The largest sizes optiscope accepts, chosen so that what they cost in
/// memory and in counting stays within a machine (docs/SCENES.md, "Limits").
///
/// A point of n axes is 8n bytes, so 10⁶ axes are 8 MB a point; a method
/// that keeps an n×n matrix (CMA-ES's covariance, Nelder–Mead's simplex)
/// needs 8n² bytes, 800 MB at n = 10 000. Steps and evaluations are
/// counted in `Int` and multiplied by small factors (checkpoints, frames
/// per step), so 10¹² leaves room below `Int.max` ≈ 9.2 × 10¹⁸.
public enum Limits {
  /// The most axes any landscape may have.
  public static let dimension = 1_000_000
  /// The most axes for an optimizer whose entry keeps an n×n matrix.
  public static let squareMatrixDimension = 10_000
  /// The most coordinates a population may hold: its size (a spec counting
  /// points) times n; 10⁸ doubles are 800 MB.
  public static let populationCoordinates = 100_000_000
  /// The most steps a run, a scene or a budget may last; also the most
  /// evaluations a budget may grant.
  public static let steps = 1_000_000_000_000
  /// The largest magnitude of a domain's bounds and of a view's corners
  /// and centre: within ±10¹⁵⁰ widths, centres and squared distances stay
  /// finite, so no range computed from them turns infinite or NaN.
  public static let coordinate = 1e150
  /// The most a scene's view may zoom in or out, for the same reason.
  public static let zoom = 1e6
  /// The most axes for which a per-axis setting (`init=distribution`'s
  /// `mean` and `deviation`) lists one value per axis: each is a
  /// hyperparameter of its own, shown and edited as one.
  public static let perAxisSettings = 64
}
