import OptimizerCore

/// Every number of the particles as bits, so that two states compare equal
/// exactly when they are bit-identical (NaN included, which `==` never is).
func fingerprint(_ particles: [Particle]) -> [UInt64] {
  particles.flatMap { particle -> [UInt64] in
    var numbers = particle.position.components + [particle.loss]
    numbers += particle.velocity?.components ?? []
    if let best = particle.personalBest { numbers += best.position.components + [best.loss] }
    return numbers.map(\.bitPattern) + [UInt64(particle.age)]
  }
}
