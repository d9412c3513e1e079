import Landscapes
import OptimizerCore
import Testing

/// One row of the standard table of known minima (Wikipedia's "Test
/// functions for optimization"; Surjanovic and Bingham's Virtual Library of
/// Simulation Experiments, SFU): f* and x* as printed there, with
/// tolerances of one unit in the last printed digit.
struct ReferenceRow: Sendable, CustomTestStringConvertible {
  var name: String
  var value: Double
  /// One unit in the last digit of f*, or the error that x* printed to its
  /// digits causes (f ≈ ½ δᵀHδ) where f* is exact but x* is not.
  var valueTolerance: Double
  var minimizers: [Vector]
  /// One unit in the last printed digit of x*.
  var minimizerTolerance: Double

  var testDescription: String { name }

  init(
    _ name: String, _ value: Double, within valueTolerance: Double = 1e-12,
    at minimizers: [Vector], within minimizerTolerance: Double = 1e-12
  ) {
    self.name = name
    self.value = value
    self.valueTolerance = valueTolerance
    self.minimizers = minimizers
    self.minimizerTolerance = minimizerTolerance
  }

  /// The reference table, row by row.
  static let table: [ReferenceRow] = [
    ReferenceRow("sphere", 0, at: [[0, 0]]),
    ReferenceRow("rosenbrock", 0, at: [[1, 1]]),
    ReferenceRow("rastrigin", 0, at: [[0, 0]]),
    ReferenceRow("ackley", 0, at: [[0, 0]]),
    ReferenceRow(
      "himmelblau", 0, within: 1e-9,
      at: [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]], within: 1e-6),
    ReferenceRow("beale", 0, at: [[3, 0.5]]),
    ReferenceRow("booth", 0, at: [[1, 3]]),
    ReferenceRow("goldstein-price", 3, at: [[0, -1]]),
    ReferenceRow("styblinski-tang", -78.332331, within: 1e-6, at: [[-2.903534, -2.903534]], within: 1e-6),
    ReferenceRow("eggholder", -959.640663, within: 1e-6, at: [[512, 404.2319]], within: 1e-4),
    ReferenceRow("levi13", 0, at: [[1, 1]]),
    ReferenceRow("three-hump-camel", 0, at: [[0, 0]]),
    ReferenceRow("matyas", 0, at: [[0, 0]]),
    ReferenceRow("easom", -1, at: [[.pi, .pi]]),
    ReferenceRow(
      "six-hump-camel", -1.031628, within: 1e-6, at: [[0.0898, -0.7126], [-0.0898, 0.7126]], within: 1e-4),
    ReferenceRow("griewank", 0, at: [[0, 0]]),
    ReferenceRow("schwefel", 2.5e-5, within: 1e-6, at: [[420.9687, 420.9687]], within: 1e-4),
    ReferenceRow("bukin6", 0, at: [[-10, 1]]),
    ReferenceRow(
      "cross-in-tray", -2.062612, within: 1e-6,
      at: [[1.34941, 1.34941], [1.34941, -1.34941], [-1.34941, 1.34941], [-1.34941, -1.34941]], within: 1e-5),
    ReferenceRow(
      "holder-table", -19.2085, within: 1e-4,
      at: [[8.05502, 9.66459], [8.05502, -9.66459], [-8.05502, 9.66459], [-8.05502, -9.66459]], within: 1e-5),
    ReferenceRow("mccormick", -1.9133, within: 1e-4, at: [[-0.54719, -1.54719]], within: 1e-5),
    ReferenceRow("schaffer2", 0, at: [[0, 0]]),
  ]
}

/// |a − b| ≤ tolerance·max(1, |a|, |b|).
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite struct MinimaMatchReferenceTableTests {
  @Test func tableCoversTheCatalogInOrder() {
    #expect(ReferenceRow.table.map(\.name) == LandscapeCatalog.names)
  }

  @Test(arguments: ReferenceRow.table)
  func functionAtPrintedMinimizersEqualsPrintedMinimum(_ row: ReferenceRow) throws {
    let landscape = try LandscapeCatalog.make(row.name)
    for x in row.minimizers {
      let value = landscape.value(at: x)
      #expect(abs(value - row.value) <= row.valueTolerance, "f\(x) = \(value), table says \(row.value)")
    }
  }

  @Test(arguments: ReferenceRow.table)
  func knownMinimumAgreesWithTableToItsDigits(_ row: ReferenceRow) throws {
    let known = try #require(try LandscapeCatalog.make(row.name).knownMinimum)
    #expect(abs(known.value - row.value) <= row.valueTolerance)
    #expect(known.minimizers.count == row.minimizers.count)
    for printed in row.minimizers {
      let nearest = known.minimizers.map { $0.distance(to: printed) }.min() ?? .infinity
      #expect(nearest <= row.minimizerTolerance * 2.0.squareRoot(), "no stored minimizer near \(printed)")
    }
  }

  @Test(arguments: LandscapeCatalog.names)
  func storedMinimizersAttainStoredMinimum(_ name: String) throws {
    let landscape = try LandscapeCatalog.make(name)
    try expectMinimumAttained(by: landscape)
  }

  @Test(arguments: LandscapeCatalog.entries.filter(\.hasNDimensionalForm).map(\.name), [1, 3, 7])
  func nDimensionalFormsAttainTheirMinimum(_ name: String, dimension: Int) throws {
    let landscape = try LandscapeCatalog.make(name, dimension: dimension)
    #expect(landscape.dimension == dimension)
    #expect(landscape.domain.dimension == dimension)
    try expectMinimumAttained(by: landscape)
    let planar = try #require(try LandscapeCatalog.make(name).knownMinimum)
    let known = try #require(landscape.knownMinimum)
    #expect(isClose(known.value, planar.value / 2 * Double(dimension), relative: 1e-12), "f* scales with n")
  }

  /// f(x*) = f* at every stored minimizer, x* lies in the domain, no small
  /// step along an axis (kept inside the domain) does better, and the slope
  /// along every axis where x* is interior is 0 to the precision of central
  /// differences (which a minimizer off by 10⁻⁷ already fails), except at
  /// Bukin N.6's minimum, a cusp.
  func expectMinimumAttained(by landscape: any Landscape) throws {
    let known = try #require(landscape.knownMinimum)
    #expect(!known.minimizers.isEmpty)
    for x in known.minimizers {
      #expect(x.dimension == landscape.dimension)
      #expect(landscape.domain.contains(x), "\(x) lies outside the domain")
      let value = landscape.value(at: x)
      #expect(isClose(value, known.value, relative: 1e-9), "f\(x) = \(value), f* = \(known.value)")
      let slope = landscape.centralDifferenceGradient(at: x)
      for i in 0..<x.dimension {
        let axis = landscape.domain.axes[i]
        if landscape.name != "bukin6", axis.lower < x[i], x[i] < axis.upper {
          #expect(abs(slope[i]) <= 1e-7 * max(1, abs(value)), "∂f/∂x\(i) = \(slope[i]) at \(x)")
        }
        for step in [-1e-6, 1e-6] {
          var moved = x
          moved[i] += step * axis.width
          landscape.domain.project(&moved)
          #expect(landscape.value(at: moved) >= value - 1e-12 * max(1, abs(value)), "f falls from \(x) to \(moved)")
        }
      }
    }
  }
}
