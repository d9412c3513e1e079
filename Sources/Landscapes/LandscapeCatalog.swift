import OptimizerCore

/// The built-in test functions, by the names users type.
///
/// By kind (`entries` holds them in the order `optiscope list landscapes` prints):
/// - with an n-dimensional form (any n ≥ 1): `sphere`, `rosenbrock`,
///   `rastrigin`, `ackley`, `styblinski-tang`, `griewank`, `schwefel`;
/// - two-dimensional only: `himmelblau`, `beale`, `booth`, `goldstein-price`,
///   `eggholder`, `levi13`, `three-hump-camel`, `matyas`, `easom`,
///   `six-hump-camel`, `bukin6`, `cross-in-tray`, `holder-table`,
///   `mccormick`, `schaffer2`.
///
/// Each has its default domain and known minimum (f* and every minimizer).
/// Analytic gradients: all but `eggholder`, `bukin6`, `cross-in-tray`,
/// `holder-table` and `schaffer2`, which use central differences. The first
/// 14 names are `classic`, the benchmark's default set. A typed-in function
/// of x and y is an `ExpressionLandscape`; `with(domain:)` moves any
/// landscape onto another box or onto integer or boolean axes.
public enum LandscapeCatalog {
  /// One built-in landscape, as listed.
  public struct Entry: Sendable {
    /// What users type: `rosenbrock`.
    public let name: String
    /// What the screen shows: `Rosenbrock`.
    public let title: String
    /// True when the function takes any dimension n ≥ 1, false when only 2.
    public let hasNDimensionalForm: Bool
    /// Builds the landscape for a dimension already checked.
    let build: @Sendable (Int) -> any Landscape

    init<L: ScalableLandscape>(_ type: L.Type) {
      name = L.name
      title = L.title
      hasNDimensionalForm = true
      build = { L(dimension: $0) }
    }

    init<L: PlanarLandscape>(_ type: L.Type) {
      name = L.name
      title = L.title
      hasNDimensionalForm = false
      build = { _ in L() }
    }
  }

  /// Every built-in landscape, in the order `optiscope list landscapes`
  /// prints them: the classic set first (see `classic`).
  public static let entries: [Entry] = [
    Entry(Sphere.self),
    Entry(Rosenbrock.self),
    Entry(Rastrigin.self),
    Entry(Ackley.self),
    Entry(Himmelblau.self),
    Entry(Beale.self),
    Entry(Booth.self),
    Entry(GoldsteinPrice.self),
    Entry(StyblinskiTang.self),
    Entry(Eggholder.self),
    Entry(Levi13.self),
    Entry(ThreeHumpCamel.self),
    Entry(Matyas.self),
    Entry(Easom.self),
    Entry(SixHumpCamel.self),
    Entry(Griewank.self),
    Entry(Schwefel.self),
    Entry(Bukin6.self),
    Entry(CrossInTray.self),
    Entry(HolderTable.self),
    Entry(McCormick.self),
    Entry(Schaffer2.self),
  ]

  /// Every name, in order.
  public static var names: [String] { entries.map(\.name) }

  /// The first 14 names: the default set of `bench`.
  public static var classic: [String] { Array(names.prefix(14)) }

  /// The landscape called `name` (case does not matter) in `dimension`
  /// dimensions.
  ///
  /// Throws for an unknown name (with the nearest known one as a
  /// suggestion), a dimension outside 1…`Limits.dimension`, or a dimension other than 2 for a
  /// function defined only in 2-D.
  public static func make(_ name: String, dimension: Int = 2) throws(LandscapeError) -> any Landscape {
    let typed = name.lowercased()
    guard let entry = entries.first(where: { $0.name == typed }) else {
      throw .unknownName(name, suggestion: nearestName(to: name, in: names))
    }
    guard (1...Limits.dimension).contains(dimension) else { throw .invalidDimension(dimension) }
    guard entry.hasNDimensionalForm || dimension == 2 else {
      throw .planarOnly(name: entry.name, dimension: dimension)
    }
    return entry.build(dimension)
  }
}
