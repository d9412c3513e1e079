import OptimizerCore
import Testing

/// The gravity swarm: its pull on positions and on gradients, deaths and
/// respawns, and members that run any descent.
@Suite struct GravitySwarmTests {
  /// f = 0 with ∇f = 0: the members' own descent never moves them, so only
  /// gravity does. All losses tie, so the best member is the first.
  static let flat = TestLandscape(
    name: "flat", objective: FunctionObjective(dimension: 2, value: { _ in 0 }, gradient: { _ in [0, 0] }),
    domain: .cube(-5, 5, dimension: 2), start: [3, -4])

  /// A swarm of analytic-gradient SGD members on the flat landscape, that
  /// never culls, after one step (when every loss is known).
  private static func flatSwarm(_ settings: [(String, Double)]) throws -> OptimizerTrial {
    var trial = try OptimizerTrial(
      "gravity-swarm", parts: DescentParts(gradient: "analytic", update: "sgd"),
      settings: [("dieAfter", 1_000_000)] + settings, on: flat)
    trial.step()
    return trial
  }

  /// With p = 1, one pull moves every member to x − G·(x − c): its distance
  /// to the centre (the best member) shrinks by exactly 1 − G.
  @Test func pullShrinksTheDistanceToTheCentreByOneMinusG() throws {
    var trial = try Self.flatSwarm([("gravity", 0.2)])
    let before = trial.optimizer.particles.map(\.position)
    let centre = before[0]
    trial.step()
    let after = trial.optimizer.particles.map(\.position)
    #expect(trial.optimizer.inspect().vectors.first { $0.name == "centre" }?.vector == centre)
    for (x, y) in zip(before, after).dropFirst() {
      #expect(abs(y.distance(to: centre) - 0.8 * x.distance(to: centre)) < 1e-12)
      #expect(y.distance(to: x - 0.2 * (x - centre)) < 1e-12)
    }
    #expect(after[0] == centre)
  }

  /// With a power p, the pull is G·(‖x − c‖/w)^(p−1)·(x − c).
  @Test func powerScalesThePullWithTheDistance() throws {
    var trial = try Self.flatSwarm([("gravity", 0.5), ("power", 2)])
    let before = trial.optimizer.particles.map(\.position)
    trial.step()
    let after = trial.optimizer.particles.map(\.position)
    let width = Self.flat.domain.width
    for (x, y) in zip(before, after).dropFirst() {
      let factor = 0.5 * x.distance(to: before[0]) / width
      #expect(y.distance(to: x - factor * (x - before[0])) < 1e-12)
    }
  }

  /// Gravity on gradients adds G·(x − c) to ĝ instead of moving x: with SGD
  /// (η = 1e-3) a member moves by −η·G·(x − c), a thousandth of the pull on
  /// positions.
  @Test func gravityOnGradientsChangesTheGradientNotThePosition() throws {
    var trial = try Self.flatSwarm([("gravity", 0.2), ("pullOn", 1)])
    let eta = trial.optimizer.hyperparameters["lr"]
    let before = trial.optimizer.particles.map(\.position)
    trial.step()
    let after = trial.optimizer.particles.map(\.position)
    for (x, y) in zip(before, after).dropFirst() {
      let pull = 0.2 * (x - before[0])
      #expect(y.distance(to: x - eta * pull) < 1e-12)
      #expect(y.distance(to: x - pull) > 0.5 * pull.norm)
    }
  }

  /// Members that lag die and respawn: every death comes with a respawn,
  /// the respawned member's age restarts at 0 where it respawned, and the
  /// `deaths` readout counts them.
  @Test func deadMembersRespawn() throws {
    var trial = try OptimizerTrial(
      "gravity-swarm", settings: [("dieAfter", 2), ("minAge", 1), ("crossover", 3)], on: .shiftedSphere)
    var deaths = 0
    for _ in 1...15 {
      trial.step()
      let events = trial.evaluator.events
      let died = events.filter { $0.kind == .death }
      let respawned = events.filter { $0.kind == .respawn }
      #expect(died.count == respawned.count)
      deaths += died.count
      for event in respawned {
        let position = try #require(event.position)
        #expect(trial.optimizer.particles.contains { $0.position == position && $0.age == 0 })
      }
    }
    #expect(deaths > 0)
    #expect(trial.optimizer.inspect().readout("deaths")?.value == Double(deaths))
  }

  /// Every death and respawn shows in the inspection as a flash at its
  /// place, fresh (fade 0) in the step it happened, fainter each step
  /// after and gone after `flashSteps` steps.
  @Test func deathsAndBirthsFlashAndFade() throws {
    var trial = try OptimizerTrial(
      "gravity-swarm", settings: [("dieAfter", 2), ("minAge", 1)], on: .shiftedSphere)
    func flashes(_ role: OverlayRole) -> [(points: [Vector], fade: Double)] {
      trial.optimizer.inspect().overlays.compactMap { overlay in
        if case .flash(let points, role, let fade) = overlay { return (points, fade) }
        return nil
      }
    }
    var died: [Vector] = []
    while died.isEmpty && trial.steps < 50 {
      trial.step()
      died = trial.evaluator.events.filter { $0.kind == .death }.compactMap(\.position)
    }
    let born = trial.evaluator.events.filter { $0.kind == .respawn }.compactMap(\.position)
    #expect(!died.isEmpty)
    #expect(flashes(.death).contains { $0.points == died && $0.fade == 0 })
    #expect(flashes(.birth).contains { $0.points == born && $0.fade == 0 })
    var fade = 0.0
    for _ in 1..<4 {
      trial.step()
      let now = try #require(flashes(.death).first { $0.points == died }?.fade)
      #expect(now > fade && now < 1)
      fade = now
    }
    trial.run(2)
    #expect(!flashes(.death).contains { $0.points == died })
    #expect(!flashes(.birth).contains { $0.points == born })
  }

  /// With the ensemble source, the swarm draws every member's probes.
  @Test func membersWithTheEnsembleSourceShowTheirProbes() throws {
    var trial = try OptimizerTrial(
      "gravity-swarm", parts: DescentParts(gradient: "ensemble", update: "sgd"), settings: [("members", 4)],
      on: .shiftedSphere)
    trial.run(3)
    let marks = trial.optimizer.inspect().overlays.compactMap { overlay -> [Vector]? in
      if case .marks(let points, role: .ensemble) = overlay { return points }
      return nil
    }
    #expect(marks.count == 4 && marks.allSatisfy { $0.count == 8 })
    let probes = Set(trial.evaluator.probes.points.map(\.position))
    #expect(marks.joined().allSatisfy(probes.contains), "the marks are points evaluated this step")
  }

  /// `restore` gives a respawned member a fresh optimizer (no last move);
  /// without it, respawned members carry their inner state on.
  @Test(arguments: [true, false])
  func restoreStartsRespawnedMembersAfresh(restore: Bool) throws {
    var trial = try OptimizerTrial(
      "gravity-swarm", parts: DescentParts(gradient: "randomgrad", update: "momentum"),
      settings: [("dieAfter", 2), ("minAge", 1), ("restore", restore ? 1 : 0)], on: .shiftedSphere)
    var respawned: [Particle] = []
    for _ in 1...15 {
      trial.step()
      let positions = trial.evaluator.events.filter { $0.kind == .respawn }.compactMap(\.position)
      respawned += trial.optimizer.particles.filter { positions.contains($0.position) && $0.age == 0 }
    }
    #expect(!respawned.isEmpty)
    let carried = respawned.contains { ($0.velocity?.norm ?? 0) > 0 }
    #expect(carried == !restore)
  }

  /// The members run whatever descent the kind names: every combination of
  /// parts has distinct setting names beside the swarm's own, and steps.
  @Test func membersRunAnyDescent() throws {
    let domain = Domain.cube(-5, 5, dimension: 2)
    for gradient in DescentParts.gradientNames {
      for update in DescentParts.updateNames {
        for guards in [[]] + DescentParts.guardNames.map({ [$0] }) {
          let parts = DescentParts(gradient: gradient, update: update, guards: guards)
          let names = try OptimizerRegistry.hyperparameters(
            for: OptimizerKind(name: "gravity-swarm", parts: parts), domain: domain
          ).names
          #expect(Set(names).count == names.count, "\(parts): duplicate names in \(names)")
          var trial = try OptimizerTrial("gravity-swarm", parts: parts, on: .sphere)
          trial.run(3)
          #expect(trial.optimizer.kind.parts == parts)
          #expect(trial.optimizer.particles.allSatisfy { $0.position.isFinite }, "\(parts)")
        }
      }
    }
  }
}
