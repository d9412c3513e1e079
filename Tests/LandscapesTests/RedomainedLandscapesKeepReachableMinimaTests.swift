import Landscapes
import OptimizerCore
import Testing

@Suite struct RedomainedLandscapesKeepReachableMinimaTests {
  @Test func functionAndNamesStayTheSame() throws {
    let rosenbrock = try LandscapeCatalog.make("rosenbrock")
    let zoomed = rosenbrock.with(domain: .cube(0, 2, dimension: 2))
    #expect(zoomed.name == "rosenbrock")
    #expect(zoomed.title == rosenbrock.title)
    #expect(zoomed.formula == rosenbrock.formula)
    #expect(zoomed.domain == .cube(0, 2, dimension: 2))
    #expect(zoomed.hasAnalyticGradient)
    for x: Vector in [[0.5, 1.5], [1.2, 0.3]] {
      #expect(zoomed.value(at: x) == rosenbrock.value(at: x))
      #expect(zoomed.gradient(at: x) == rosenbrock.gradient(at: x))
    }
    #expect(zoomed.knownMinimum == rosenbrock.knownMinimum)
  }

  @Test func integerAxesKeepOnlyLatticeMinimizers() throws {
    let himmelblau = try LandscapeCatalog.make("himmelblau")
    let lattice = himmelblau.with(domain: himmelblau.domain.with(kinds: [.integer, .integer]))
    #expect(lattice.knownMinimum == KnownMinimum(value: 0, minimizers: [[3, 2]]))
  }

  @Test func minimumIsDroppedWhenNoMinimizerRemains() throws {
    let easom = try LandscapeCatalog.make("easom")
    #expect(easom.with(domain: easom.domain.with(kinds: [.integer, .integer])).knownMinimum == nil)
    let sphere = try LandscapeCatalog.make("sphere")
    #expect(sphere.with(domain: .cube(1, 2, dimension: 2)).knownMinimum == nil)
  }

  @Test func booleanAxesKeepTheOriginOfTheSphere() throws {
    let sphere = try LandscapeCatalog.make("sphere")
    let bits = sphere.with(domain: sphere.domain.with(kinds: [.boolean, .boolean]))
    #expect(bits.knownMinimum == KnownMinimum(value: 0, minimizers: [[0, 0]]))
  }

  @Test func redomainingTwiceStartsFromTheOriginal() throws {
    let sphere = try LandscapeCatalog.make("sphere")
    let narrow = sphere.with(domain: .cube(1, 2, dimension: 2))
    let wide = narrow.with(domain: .cube(-1, 1, dimension: 2))
    #expect(wide.knownMinimum == sphere.knownMinimum)
  }
}
