/// One point that an optimizer moves, with the per-particle extras the screen
/// draws and the inspector lists.
///
/// Single-point methods have one particle; populations have many. Swapping
/// optimizers hands the particles over (`OptimizerRegistry.make(_:adopting:…)`).
public struct Particle: Sendable, Hashable, Codable {
  public var position: Vector
  /// The loss at `position`, or NaN when it is not known yet (an adopted or
  /// dropped particle): the optimizer evaluates it on its next step.
  public var loss: Double
  /// The particle's velocity or last move, where the method has one.
  public var velocity: Vector?
  /// The best point this particle has visited, where the method keeps it.
  public var personalBest: Point?
  /// Steps since the particle was born (or respawned).
  public var age: Int
  /// A short label: a population member's inner optimizer, "parent",
  /// "offspring", …
  public var tag: String?

  public init(
    position: Vector, loss: Double = .nan, velocity: Vector? = nil,
    personalBest: Point? = nil, age: Int = 0, tag: String? = nil
  ) {
    self.position = position
    self.loss = loss
    self.velocity = velocity
    self.personalBest = personalBest
    self.age = age
    self.tag = tag
  }

  /// The particle's best known point: its personal best, else where it is.
  public var bestKnown: Point {
    let here = Point(position: position, loss: loss)
    guard let personalBest else { return here }
    return here.isBetter(than: personalBest) ? here : personalBest
  }
}

extension Array where Element == Particle {
  /// The best known point over all particles, or nil when no loss is known.
  public var bestKnown: Point? {
    var best: Point?
    for particle in self where particle.bestKnown.isBetter(than: best) { best = particle.bestKnown }
    return best
  }

  /// Where a single-point method adopting these particles starts: the
  /// leader's position projected onto the domain, keeping its loss only when
  /// the projection did not move it (else unknown, evaluated on the first
  /// step); the domain's centre when there is no particle.
  public func startingPoint(on domain: Domain) -> Point {
    let start = leader ?? Particle(position: domain.center)
    let position = domain.projected(start.position)
    return Point(position: position, loss: position == start.position ? start.loss : .nan)
  }

  /// The particle with the lowest known loss (the first one if none is known).
  public var leader: Particle? {
    self.min { a, b in
      Point(position: a.position, loss: a.loss).isBetter(than: Point(position: b.position, loss: b.loss))
    }
  }
}
