import OptimizerCore
import Testing

/// The laws every registered optimizer obeys, checked on any test
/// landscape: a reusable checker in the manner of swift-collections'
/// conformance checkers. `OptimizerLawTests` runs it over
/// `OptimizerRegistry.entries`, so a newly registered optimizer is covered
/// without a new test.
struct OptimizerLawChecker {
  /// The registry name of the optimizer under test.
  let name: String
  /// Steps per check: enough for every optimizer to pass its first step
  /// (where adopted losses are evaluated and calibrations happen).
  var steps = 12

  /// Two runs from the same seed are bit-identical: particles, the whole
  /// internal state, evaluation counts, probes and events.
  func checkDeterminism(on landscape: TestLandscape) throws {
    var first = try OptimizerTrial(name, on: landscape, seed: 42)
    var second = try OptimizerTrial(name, on: landscape, seed: 42)
    for step in 1...steps {
      first.step()
      second.step()
      let sameParticles = fingerprint(first.optimizer.particles) == fingerprint(second.optimizer.particles)
      #expect(sameParticles, "\(name) on \(landscape.name): particles differ at step \(step)")
      let sameState = stateDump(first.optimizer) == stateDump(second.optimizer)
      #expect(sameState, "\(name) on \(landscape.name): internal state differs at step \(step)")
      #expect(first.evaluator.evaluations == second.evaluator.evaluations)
      #expect(first.evaluator.probes.points.map(\.position) == second.evaluator.probes.points.map(\.position))
      #expect(first.evaluator.events == second.evaluator.events)
    }
  }

  /// Positions stay finite and on the domain (so integer and boolean axes
  /// only ever hold lattice values), every probe lies on the domain and has
  /// a finite loss, every known loss is finite, and every overlay and
  /// inspector vector is finite.
  func checkFinite(on landscape: TestLandscape) throws {
    var trial = try OptimizerTrial(name, on: landscape, seed: 3)
    for step in 1...steps {
      trial.step()
      let context = "\(name) on \(landscape.name) at step \(step)"
      for probe in trial.evaluator.probes.points {
        #expect(landscape.domain.contains(probe.position), "\(context): probe \(probe.position) off the domain")
        #expect(probe.loss.isFinite, "\(context): probe loss \(probe.loss) at \(probe.position)")
      }
      for particle in trial.optimizer.particles {
        #expect(landscape.domain.contains(particle.position), "\(context): particle at \(particle.position)")
        #expect(particle.loss.isNaN || particle.loss.isFinite, "\(context): particle loss \(particle.loss)")
        #expect(particle.velocity?.isFinite ?? true, "\(context): velocity \(String(describing: particle.velocity))")
        if let personalBest = particle.personalBest {
          #expect(landscape.domain.contains(personalBest.position), "\(context): personal best off the domain")
          #expect(personalBest.loss.isFinite, "\(context): personal best loss \(personalBest.loss)")
        }
      }
      let best = try #require(trial.optimizer.best, "\(context): no best point after a step")
      #expect(best.loss.isFinite && landscape.domain.contains(best.position), "\(context): best \(best)")
      let inspection = trial.optimizer.inspect()
      for overlay in inspection.overlays {
        let finite = overlay.points.allSatisfy { $0.isFinite }
        #expect(finite, "\(context): overlay \(overlay) not finite")
      }
      for named in inspection.vectors {
        #expect(named.vector.isFinite, "\(context): inspector vector \(named.name) not finite")
      }
    }
  }

  /// Setting any hyperparameter to another legal value leaves the particles
  /// and the whole internal state exactly as they were, and setting it back
  /// before the next step gives a run bit-identical to one never touched: a
  /// change mid-run keeps all the other state.
  func checkHyperparameterChangeKeepsState(on landscape: TestLandscape) throws {
    let half = steps / 2
    var untouched = try OptimizerTrial(name, on: landscape, seed: 9)
    untouched.run(2 * half)
    for spec in untouched.optimizer.hyperparameters.specs {
      var trial = try OptimizerTrial(name, on: landscape, seed: 9)
      trial.run(half)
      let original = trial.optimizer.hyperparameters[spec.name]
      let changed = Self.otherValue(of: spec, than: original)
      let before = (fingerprint(trial.optimizer.particles), stateDump(trial.optimizer))
      try trial.optimizer.hyperparameters.set(spec.name, to: changed)
      #expect(trial.optimizer.hyperparameters[spec.name] == changed)
      let particlesKept = fingerprint(trial.optimizer.particles) == before.0
      #expect(particlesKept, "\(name): setting \(spec.name) to \(changed) changed the particles")
      let stateKept = stateDump(trial.optimizer) == before.1
      #expect(stateKept, "\(name): setting \(spec.name) to \(changed) changed the internal state")
      try trial.optimizer.hyperparameters.set(spec.name, to: original)
      trial.run(half)
      let sameRun = fingerprint(trial.optimizer.particles) == fingerprint(untouched.optimizer.particles)
        && stateDump(trial.optimizer) == stateDump(untouched.optimizer)
      #expect(sameRun, "\(name): changing \(spec.name) and back changed the run")
      #expect(trial.evaluator.evaluations == untouched.evaluator.evaluations)
    }
  }

  /// Built from several particles, the optimizer keeps all their positions
  /// when it has room for them, and otherwise keeps only adopted positions,
  /// the best adopted one (the leader) among them.
  func checkAdoption(on landscape: TestLandscape) throws {
    var rng = SeededGenerator(seed: 5)
    let adopted = (0..<3).map { _ -> Particle in
      let position = landscape.domain.randomPoint(using: &rng)
      return Particle(position: position, loss: landscape.exactLoss(at: position))
    }
    let leader = try #require(adopted.leader)
    let trial = try OptimizerTrial(name, on: landscape, adopting: adopted)
    let positions = trial.optimizer.particles.map(\.position)
    #expect(!positions.isEmpty)
    if positions.count >= adopted.count {
      for particle in adopted {
        #expect(positions.contains(particle.position), "\(name) dropped the adopted \(particle.position)")
      }
    } else {
      #expect(positions.contains(leader.position), "\(name) did not take the leader \(leader.position)")
      for position in positions {
        #expect(adopted.map(\.position).contains(position), "\(name) invented \(position) instead of adopting")
      }
    }
  }

  /// Within `steps` steps, the optimizer gets to a point (a particle or its
  /// best) whose exact loss is below `threshold`.
  func checkReachesMinimum(of landscape: TestLandscape, within steps: Int, below threshold: Double) throws {
    var trial = try OptimizerTrial(name, on: landscape, seed: 11)
    trial.run(steps)
    #expect(
      trial.reachedExactLoss < threshold,
      "\(name) reached \(trial.reachedExactLoss) on \(landscape.name) in \(steps) steps, not below \(threshold)")
  }

  /// A legal value different from `value`: the next notch up (down at the
  /// top of the range), the other state of a flag, the next option.
  static func otherValue(of spec: HyperparameterSpec, than value: Double) -> Double {
    let up = spec.stepped(value, by: 1)
    return up != value ? up : spec.stepped(value, by: -1)
  }
}

extension Overlay {
  /// Every point the overlay draws through.
  var points: [Vector] {
    switch self {
    case .arrow(let from, let to, _), .segment(let from, let to, _): return [from, to]
    case .ellipse(let center, let semiAxes, _): return [center] + semiAxes
    case .box(let lower, let upper, _): return [lower, upper]
    case .polygon(let vertices, _): return vertices
    case .mark(let point, _): return [point]
    case .marks(let points, _), .flash(let points, _, _): return points
    }
  }
}
