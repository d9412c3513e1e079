import OptimizerCore

/// A landscape of the built-in catalog: its name and title are facts of the
/// type, so the catalog can list it without building one.
protocol BuiltinLandscape: Landscape {
  /// What users type after `--landscape`: `rosenbrock`.
  static var name: String { get }
  /// What the screen shows: `Rosenbrock`.
  static var title: String { get }
}

extension BuiltinLandscape {
  var name: String { Self.name }
  var title: String { Self.title }
}

/// A built-in landscape defined only in two dimensions.
protocol PlanarLandscape: BuiltinLandscape {
  init()
}

extension PlanarLandscape {
  var dimension: Int { 2 }
}

/// A built-in landscape with a form for every dimension n ≥ 1, whose default
/// domain is the 2-D box extended to n axes.
protocol ScalableLandscape: BuiltinLandscape {
  /// The n-dimensional form; n must be at least 1.
  init(dimension: Int)
}
