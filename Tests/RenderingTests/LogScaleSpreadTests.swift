import Landscapes
import OptimizerCore
import Rendering
import Testing
import ViewModel

/// The log scale's floor comes from the samples, so that no built-in
/// landscape is one colour at its default view.
@Suite struct LogScaleSpreadTests {
  /// The share of the map's pixels in its most common colour (of the
  /// colour map's 256), at the 120×40 layout's map size.
  static func largestColourShare(_ landscape: any Landscape, scale: ColourScale = .log) -> Double {
    let map = FrameLayout(width: 120, height: 40)!.map
    let viewport = Viewport(domain: landscape.domain).fitted(columns: map.width, rows: map.height)
    var heatMap = HeatMap()
    heatMap.update(landscape: landscape, viewport: viewport, columns: map.width, rows: map.height, scale: scale)
    var grid = CellGrid(width: map.width, height: map.height)
    heatMap.draw(into: &grid, rect: grid.bounds, colourMap: .viridis)
    var counts: [RGB: Int] = [:]
    for cell in grid.cells {
      for colour in [cell.foreground, cell.background] { counts[colour ?? HeatMap.undefinedColour, default: 0] += 1 }
    }
    return Double(counts.values.max() ?? 0) / Double(2 * grid.cells.count)
  }

  /// Landscapes most of whose default view is one value, which no scale
  /// of the value alone can split: Easom is 0 to the last bit beyond 27
  /// units of (π, π) (94 % of its box), Schaffer N.2 within ±0.004 of ½
  /// away from the origin. The rank scale is the one for them.
  static let plateaus: Set<String> = ["easom", "schaffer2"]

  @Test(arguments: LandscapeCatalog.entries.map(\.name))
  func noColourCoversMoreThanAQuarterOfTheMapInLogScale(name: String) throws {
    let landscape = try LandscapeCatalog.make(name)
    let share = Self.largestColourShare(landscape)
    if Self.plateaus.contains(name) {
      #expect(share > 0.25, "\(name) is no longer a plateau at its default view: test it with the others")
    } else {
      #expect(share <= 0.25, "\(name): one colour covers \(Int((share * 100).rounded())) % of the map")
    }
  }

  @Test func rastriginsEggBoxIsNotOneColour() throws {
    // Under a floor six decades below the range, Rastrigin's values (most
    // within a factor of four above its minimum) crowd into a few colours.
    let rastrigin = try LandscapeCatalog.make("rastrigin")
    let samples = (0..<4096).map { i -> Double in
      let x = -5.12 + 10.24 * Double(i % 64) / 63, y = -5.12 + 10.24 * Double(i / 64) / 63
      return rastrigin.value(at: [x, y])
    }
    let fitted = FittedScale(.log, samples: samples)
    #expect(fitted.epsilon > (fitted.maximum - fitted.minimum) * 1e-3)
    // Rosenbrock's valley keeps its deep floor.
    let rosenbrock = try LandscapeCatalog.make("rosenbrock")
    let valley = (0..<4096).map { i -> Double in
      let x = -2 + 4 * Double(i % 64) / 63, y = -1 + 4 * Double(i / 64) / 63
      return rosenbrock.value(at: [x, y])
    }
    let deep = FittedScale(.log, samples: valley)
    #expect(deep.epsilon < (deep.maximum - deep.minimum) * 1e-3)
  }
}
