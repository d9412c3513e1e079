import ArgumentParser
import OptimizerCore
import ViewModel

/// `--plane` and `--plane-through`: which plane the map shows of a
/// landscape of more than two dimensions (`MapPlane`), for `play` and
/// `render` alike. Given for a 2-D landscape, they are refused: its map
/// is its own plane.
struct PlaneOptions: ParsableArguments {
  @Option(
    name: .customLong("plane"),
    help: ArgumentHelp(
      "With --dim N > 2, what spans the map's plane: axes:I,J (two of x1 … xN; default axes:1,2), principal (the selected run's recent trajectory) or random[:SEED] (default seed 1).",
      valueName: "basis"))
  var basis: String?

  @Option(
    name: .customLong("plane-through"), parsing: .unconditional,
    help: ArgumentHelp(
      "With --dim N > 2, the point the plane passes through: best (the selected run's best, followed; default), leader (the best run's best) or a fixed point x1,…,xN.",
      valueName: "point"))
  var through: String?

  /// The options given on the command line, by their flags.
  var given: [String] { [basis.map { _ in "--plane" }, through.map { _ in "--plane-through" }].compactMap { $0 } }

  /// `plane` with these options applied, for a landscape of `dimension`
  /// axes inside `domain`; a wrong value says which option and why.
  func applied(to plane: MapPlane, domain: Domain) throws -> MapPlane {
    guard !given.isEmpty else { return plane }
    let dimension = domain.dimension
    guard dimension > 2 else {
      throw CommandLineError(
        "\(given.joined(separator: " and ")) choose a plane through more than two dimensions; this landscape has \(dimension) (give --dim N)")
    }
    var plane = plane
    if let basis { try parse(basis: basis, into: &plane, dimension: dimension) }
    if let through { plane.through = try parse(through: through, domain: domain) }
    return plane
  }

  private func parse(basis text: String, into plane: inout MapPlane, dimension: Int) throws {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let (name, argument) = (parts.first?.lowercased() ?? "", parts.count > 1 ? parts[1] : nil)
    switch (name, argument) {
    case ("axes", let list?):
      let numbers = NumberList.items(list).map { Int($0) }
      guard numbers.count == 2, let i = numbers[0], let j = numbers[1] else {
        throw CommandLineError("--plane '\(text)': axes takes two axis numbers, e.g. axes:3,7")
      }
      guard (1...dimension).contains(i), (1...dimension).contains(j) else {
        throw CommandLineError("--plane '\(text)': the axes are x1 … x\(dimension), so each number is from 1 to \(dimension)")
      }
      guard i != j else { throw CommandLineError("--plane '\(text)': the plane needs two different axes") }
      plane.basis = .axes
      plane.axes = MapPlane.Axes(i - 1, j - 1)
    case ("principal", nil):
      plane.basis = .principal
    case ("random", nil):
      plane.basis = .random
    case ("random", let seed?):
      guard let value = UInt64(seed) else {
        throw CommandLineError("--plane '\(text)': a random plane's seed is a whole number ≥ 0, e.g. random:7")
      }
      plane.basis = .random
      plane.seed = value
    default:
      let names = ["axes", "principal", "random"]
      throw CommandLineError(
        "--plane '\(text)' is not a plane\(suggestionSuffix(for: name, in: names)); give axes:I,J, principal or random[:SEED]")
    }
  }

  private func parse(through text: String, domain: Domain) throws -> MapPlane.Through {
    switch text.lowercased() {
    case "best": return .best
    case "leader": return .leader
    default:
      guard let list = NumberList(argument: text) else {
        throw CommandLineError("--plane-through '\(text)' is not best, leader or a point x1,…,x\(domain.dimension) of numbers")
      }
      return .point(try list.point(option: "--plane-through", dimension: domain.dimension))
    }
  }
}
