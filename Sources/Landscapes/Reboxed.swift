import OptimizerCore

/// A landscape moved onto another domain: the same function on a different
/// box, or with integer or boolean axes (for scenes).
///
/// The known minimum keeps only the minimizers the new domain still holds
/// (inside the box and on the lattice of every discrete axis); when none is
/// left, the minimum is unknown there and `knownMinimum` is nil.
struct Reboxed: Landscape {
  let base: any Landscape
  let domain: Domain
  let dimension: Int
  let knownMinimum: KnownMinimum?

  init(_ base: any Landscape, domain: Domain) {
    precondition(base.dimension == domain.dimension, "a landscape keeps its dimension when reboxed")
    self.base = base
    self.domain = domain
    dimension = domain.dimension
    knownMinimum = base.knownMinimum.flatMap { known in
      let kept = known.minimizers.filter(domain.contains)
      return kept.isEmpty ? nil : KnownMinimum(value: known.value, minimizers: kept)
    }
  }

  var name: String { base.name }
  var title: String { base.title }
  var formula: String { base.formula }

  func value(at x: Vector) -> Double { base.value(at: x) }
  func values(at points: [Vector]) -> [Double] { base.values(at: points) }
  var isRemote: Bool { base.isRemote }
  var failure: String? { base.failure }
  var hasAnalyticGradient: Bool { base.hasAnalyticGradient }
  func gradient(at x: Vector) -> Vector { base.gradient(at: x) }
}

extension Landscape {
  /// The same function on `domain` (same dimension), for scenes that zoom in
  /// or make axes integer or boolean. Minimizers outside the new domain or
  /// off its lattice are dropped, and the known minimum with them when none
  /// remains.
  public func with(domain: Domain) -> any Landscape {
    if let reboxed = self as? Reboxed { return Reboxed(reboxed.base, domain: domain) }
    return Reboxed(self, domain: domain)
  }
}
