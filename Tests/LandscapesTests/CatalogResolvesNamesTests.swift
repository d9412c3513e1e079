import Landscapes
import OptimizerCore
import Testing

@Suite struct CatalogResolvesNamesTests {
  @Test func listsTheTwentyTwoFunctionsInTableOrder() {
    #expect(LandscapeCatalog.entries.count == 22)
    #expect(
      LandscapeCatalog.names == [
        "sphere", "rosenbrock", "rastrigin", "ackley", "himmelblau", "beale", "booth", "goldstein-price",
        "styblinski-tang", "eggholder", "levi13", "three-hump-camel", "matyas", "easom", "six-hump-camel",
        "griewank", "schwefel", "bukin6", "cross-in-tray", "holder-table", "mccormick", "schaffer2",
      ])
    #expect(
      LandscapeCatalog.entries.filter(\.hasNDimensionalForm).map(\.name) == [
        "sphere", "rosenbrock", "rastrigin", "ackley", "styblinski-tang", "griewank", "schwefel",
      ])
  }

  @Test func classicIsTheFirstFourteen() {
    #expect(LandscapeCatalog.classic == Array(LandscapeCatalog.names[..<14]))
    #expect(LandscapeCatalog.classic.last == "easom")
  }

  @Test(arguments: LandscapeCatalog.entries.map(\.name))
  func builtLandscapeCarriesItsEntry(_ name: String) throws {
    let entry = try #require(LandscapeCatalog.entries.first { $0.name == name })
    let landscape = try LandscapeCatalog.make(name)
    #expect(landscape.name == entry.name)
    #expect(landscape.title == entry.title)
    #expect(!landscape.formula.isEmpty)
    #expect(landscape.dimension == 2)
    #expect(landscape.domain.dimension == 2)
    #expect(landscape.domain.isContinuous)
  }

  @Test func namesAreCaseInsensitive() throws {
    #expect(try LandscapeCatalog.make("Rosenbrock").name == "rosenbrock")
  }

  @Test func unknownNameSuggestsTheNearest() {
    #expect(throws: LandscapeError.unknownName("rosenbrok", suggestion: "rosenbrock")) {
      try LandscapeCatalog.make("rosenbrok")
    }
    #expect(throws: LandscapeError.unknownName("himelblau", suggestion: "himmelblau")) {
      try LandscapeCatalog.make("himelblau")
    }
    #expect(throws: LandscapeError.unknownName("quux", suggestion: nil)) {
      try LandscapeCatalog.make("quux")
    }
    #expect(
      LandscapeError.unknownName("rosenbrok", suggestion: "rosenbrock").description
        == "unknown landscape 'rosenbrok'; did you mean 'rosenbrock'?")
  }

  @Test func planarFunctionRejectsOtherDimensions() {
    #expect(throws: LandscapeError.planarOnly(name: "himmelblau", dimension: 3)) {
      try LandscapeCatalog.make("himmelblau", dimension: 3)
    }
    #expect(
      LandscapeError.planarOnly(name: "himmelblau", dimension: 3).description
        == "himmelblau is defined in 2 dimensions only, not 3")
  }

  @Test func dimensionBelowOneIsAnError() {
    #expect(throws: LandscapeError.invalidDimension(0)) { try LandscapeCatalog.make("sphere", dimension: 0) }
    #expect(throws: LandscapeError.invalidDimension(-1)) { try LandscapeCatalog.make("booth", dimension: -1) }
  }

  @Test func errorMessagesAreOneLine() {
    let errors: [LandscapeError] = [
      .unknownName("x", suggestion: nil), .unknownName("spere", suggestion: "sphere"),
      .planarOnly(name: "beale", dimension: 5), .invalidDimension(0),
    ]
    for error in errors { #expect(!error.description.contains("\n")) }
  }

  @Test func nDimensionalFormTakesAnyDimension() throws {
    let rosenbrock = try LandscapeCatalog.make("rosenbrock", dimension: 5)
    #expect(rosenbrock.dimension == 5)
    #expect(rosenbrock.domain.axes.map(\.lower) == [-2, -1, -1, -1, -1])
    #expect(rosenbrock.value(at: [0, 0, 0, 0, 0]) == 4)
    let rastrigin = try LandscapeCatalog.make("rastrigin", dimension: 4)
    #expect(abs(rastrigin.value(at: [1, 1, 1, 1]) - 4) < 1e-12)
  }
}
