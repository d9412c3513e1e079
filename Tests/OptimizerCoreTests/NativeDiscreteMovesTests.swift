import OptimizerCore
import Testing

/// The mutation-style methods move natively on integer and boolean axes:
/// whole steps and flips, not continuous moves rounded back onto the
/// lattice. With a continuous step of 10⁻⁶, a rounded move would never
/// leave its lattice point; a native one does.
@Suite struct NativeDiscreteMovesTests {
  /// f = ‖x − (3, 1, −2)‖² over an integer, a boolean and an integer axis;
  /// NaN off the lattice.
  static let lattice = TestLandscape(
    name: "lattice", objective: DiscreteBowl(center: [3, 1, -2]),
    domain: Domain(axes: [Axis(-10, 10, kind: .integer), Axis(0, 1, kind: .boolean), Axis(-20, 20, kind: .integer)]),
    start: [-7, 0, 15])

  /// A method under test, with its step (where it has one) set to 10⁻⁶.
  struct Method: Sendable, CustomTestStringConvertible {
    var name: String
    var settings: [(String, Double)]
    /// True when the candidate is the random move itself, so that a native
    /// move makes it differ from x unless the box stops it (a higher-order
    /// walk's committed orders may cancel the move).
    var candidateIsTheMove: Bool

    var testDescription: String {
      ([name] + settings.map { "\($0.0)=\($0.1)" }).joined(separator: " ")
    }
  }

  static let methods = [
    Method(name: "nth-order-walk", settings: [("step", 1e-6)], candidateIsTheMove: true),
    Method(name: "nth-order-walk", settings: [("step", 1e-6), ("order", 3), ("bestOf", 2)], candidateIsTheMove: false),
    Method(name: "adaptive-order-walk", settings: [("step", 1e-6)], candidateIsTheMove: false),
    Method(
      name: "adaptive-order-walk", settings: [("step", 1e-6), ("reverseOrderCorrection", 1)],
      candidateIsTheMove: false),
    Method(name: "convex-order-walk", settings: [("step", 1e-6)], candidateIsTheMove: false),
    Method(name: "stp", settings: [("step", 1e-6)], candidateIsTheMove: true),
    Method(name: "simulated-annealing", settings: [("step", 1e-6)], candidateIsTheMove: true),
    Method(name: "threshold-accepting", settings: [("step", 1e-6)], candidateIsTheMove: true),
    Method(name: "accelerated-random-search", settings: [], candidateIsTheMove: true),
  ]

  /// On a domain with only integer and boolean axes, every probe moves the
  /// integer axes by whole numbers of steps, both whole steps and flips
  /// happen, a first-order candidate never stands still away from the
  /// edges, and a walk's committed vectors hold whole numbers on integer
  /// axes and nothing on the boolean one.
  @Test(arguments: methods)
  func movesAreWholeStepsAndFlips(method: Method) throws {
    var trial = try OptimizerTrial(method.name, settings: method.settings, on: Self.lattice)
    trial.step()
    var integerMoves = 0, flips = 0
    for _ in 0..<300 {
      let x = trial.position
      trial.step()
      for probe in trial.evaluator.probes.points {
        let delta = probe.position - x
        for i in [0, 2] {
          #expect(delta[i] == delta[i].rounded(), "\(method.name): a move of \(delta[i]) on an integer axis")
          if delta[i] != 0 { integerMoves += 1 }
        }
        if delta[1] != 0 { flips += 1 }
      }
      let axes = Self.lattice.domain.axes
      let atEdge = [0, 2].contains { i in axes[i].project(x[i] + 1) == x[i] || axes[i].project(x[i] - 1) == x[i] }
      if method.candidateIsTheMove && !atEdge, let candidate = trial.evaluator.probes.points.first {
        #expect(candidate.position != x, "\(method.name): the candidate stood still at \(x)")
      }
      for d in trial.committed {
        #expect(d[0] == d[0].rounded() && d[2] == d[2].rounded(), "\(method.name): committed \(d)")
        #expect(d[1] == 0, "\(method.name): a committed vector carries a flip: \(d)")
      }
    }
    #expect(integerMoves > 20, "\(method.name): only \(integerMoves) moves on integer axes")
    #expect(flips > 20, "\(method.name): only \(flips) flips")
  }

  /// On the mixed domain (a continuous, an integer and a boolean axis) the
  /// discrete axes take whole steps and flips while the continuous one keeps
  /// moving by fractions.
  @Test(arguments: methods.filter { $0.name != "accelerated-random-search" })
  func discreteAxesMoveNativelyBesideAContinuousOne(method: Method) throws {
    var trial = try OptimizerTrial(method.name, settings: method.settings, on: .mixed)
    trial.step()
    var integerMoves = 0, flips = 0, fractions = 0
    for _ in 0..<300 {
      let x = trial.position
      trial.step()
      for probe in trial.evaluator.probes.points {
        let delta = probe.position - x
        #expect(delta[1] == delta[1].rounded())
        if delta[0] != 0 && delta[0] != delta[0].rounded() { fractions += 1 }
        if delta[1] != 0 { integerMoves += 1 }
        if delta[2] != 0 { flips += 1 }
      }
    }
    #expect(integerMoves > 10, "\(method.name): only \(integerMoves) moves on the integer axis")
    #expect(flips > 10, "\(method.name): only \(flips) flips")
    #expect(fractions > 10, "\(method.name): the continuous axis moved by fractions only \(fractions) times")
  }
}

/// f = ‖x − c‖², NaN anywhere off the lattice of whole numbers (axis 1
/// boolean).
struct DiscreteBowl: Objective {
  let center: Vector
  var dimension: Int { center.dimension }

  func value(at x: Vector) -> Double {
    guard x.components.allSatisfy({ $0 == $0.rounded() }), x[1] == 0 || x[1] == 1 else { return .nan }
    return x.distance(to: center) * x.distance(to: center)
  }
}
