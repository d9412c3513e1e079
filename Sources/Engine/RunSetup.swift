import OptimizerCore

/// How a run begins: its optimizer recipe and its start point.
///
/// A reset rebuilds every run from its setup, so live changes that should
/// survive a reset (a new optimizer, a new start, new settings) update it.
public struct RunSetup: Sendable, Hashable {
  public var configuration: OptimizerConfiguration
  /// Where the run starts; nil draws a start from the session's seed (never
  /// the domain's centre, where several functions have their minimum).
  public var start: Vector?

  public init(_ configuration: OptimizerConfiguration, start: Vector? = nil) {
    self.configuration = configuration
    self.start = start
  }
}
