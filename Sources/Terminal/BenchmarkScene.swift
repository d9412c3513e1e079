import Glibc
import Rendering

/// Synthetic frames shaped like the visualizer's: a heat map of half
/// blocks on the left, a text panel on the right, a status line, and
/// particles over the map. What the terminal benchmark presents.
struct BenchmarkScene {
  let width: Int
  let height: Int
  let particleCount: Int
  /// Columns of the side panel.
  let panelWidth: Int

  init(width: Int, height: Int, particleCount: Int) {
    self.width = width
    self.height = height
    self.particleCount = particleCount
    panelWidth = min(30, width / 3)
  }

  /// The frame at `step`: the map is shifted by `mapShift` (a pan moves
  /// every pixel), particles move one cell per step along fixed orbits.
  func frame(step: Int, mapShift: Double) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    let mapWidth = width - panelWidth, mapHeight = height - 1
    let colours = ColourMap.viridis
    for y in 0..<mapHeight {
      for x in 0..<mapWidth {
        let upper = Self.level(x: Double(x) + mapShift, y: Double(2 * y), width: mapWidth, height: 2 * mapHeight)
        let lower = Self.level(x: Double(x) + mapShift, y: Double(2 * y + 1), width: mapWidth, height: 2 * mapHeight)
        grid[x, y] = Cell("▀", foreground: colours.colour(at: upper), background: colours.colour(at: lower))
      }
    }
    let runColour = RGB(255, 120, 60)
    for particle in 0..<particleCount {
      let (x, y) = position(of: particle, at: step, mapWidth: mapWidth, mapHeight: mapHeight)
      let behind = grid[x, y].background
      grid[x, y] = Cell("●", foreground: runColour, background: behind)
    }
    let panel = Rect(x: mapWidth, y: 0, width: panelWidth, height: mapHeight)
    let inside = grid.box(panel, title: "Runs")
    grid.text("pso  step \(step)", x: inside.x, y: inside.y, maxWidth: inside.width, style: CellStyle(attributes: .bold))
    grid.text("best 1.2345e-03", x: inside.x, y: inside.y + 1, maxWidth: inside.width)
    grid.text("lr 0.01  inertia 0.7", x: inside.x, y: inside.y + 2, maxWidth: inside.width)
    grid.text(
      " running  step \(step)  space pause  . step  ? help", x: 0, y: height - 1,
      style: CellStyle(foreground: RGB(0, 0, 0), background: RGB(200, 200, 200)))
    return grid
  }

  /// A smooth landscape in [0, 1]: two bumps and a ripple.
  static func level(x: Double, y: Double, width: Int, height: Int) -> Double {
    let u = x / Double(max(width, 1)) * 4 - 2, v = y / Double(max(height, 1)) * 4 - 2
    let value = 0.5 + 0.25 * (u * u - v * v) / 4 + 0.2 * sin(3 * u) * cos(2 * v)
    return min(max(value, 0), 1)
  }

  /// Particle i's cell at `step`: a Lissajous orbit, one cell per step.
  func position(of particle: Int, at step: Int, mapWidth: Int, mapHeight: Int) -> (Int, Int) {
    let seed = particle &* 2_654_435_761
    let startX = (seed >> 3) % max(mapWidth, 1), startY = (seed >> 11) % max(mapHeight, 1)
    let dx = particle % 2 == 0 ? 1 : -1, dy = particle % 3 == 0 ? 1 : 0
    let x = ((startX + dx * step) % mapWidth + mapWidth) % mapWidth
    let y = ((startY + dy * step) % mapHeight + mapHeight) % mapHeight
    return (x, y)
  }
}
