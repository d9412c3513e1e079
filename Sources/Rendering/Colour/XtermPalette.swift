/// The xterm palettes, and the nearest palette entry to an RGB colour.
///
/// Entries 0–15 are the sixteen ANSI colours (as xterm draws them), 16–231
/// the 6×6×6 cube with levels 0, 95, 135, 175, 215, 255, and 232–255 the grey
/// ramp 8 + 10·i. btop falls back from true colour the same way.
public enum XtermPalette {
  /// The cube's six levels per channel.
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// xterm's sixteen ANSI colours.
  static let ansi: [RGB] = [
    RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
    RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
    RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
    RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
  ]

  /// The RGB value of palette entry `index` (0…255).
  public static func colour(ofIndex index: Int) -> RGB {
    precondition((0...255).contains(index), "xterm palette index \(index) is out of 0…255")
    switch index {
    case 0..<16:
      return ansi[index]
    case 16..<232:
      let n = index - 16
      return RGB(UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[n / 6 % 6]), UInt8(cubeLevels[n % 6]))
    default:
      let level = UInt8(8 + 10 * (index - 232))
      return RGB(level, level, level)
    }
  }

  /// The nearest entry among 16…255: the closest cube colour or the closest
  /// grey, whichever is nearer in squared RGB distance. (Entries 0–15 are
  /// left out: terminals theme them, so their RGB is not known.)
  public static func index256(_ colour: RGB) -> UInt8 {
    let r = Int(colour.red), g = Int(colour.green), b = Int(colour.blue)
    let (ri, gi, bi) = (nearestCubeLevel(r), nearestCubeLevel(g), nearestCubeLevel(b))
    let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
    let cubeDistance = square(r - cube.0) + square(g - cube.1) + square(b - cube.2)
    // The grey ramp step nearest the mean of the channels.
    let mean = (r + g + b) / 3
    let step = min(max((mean - 8 + 5) / 10, 0), 23)
    let grey = 8 + 10 * step
    let greyDistance = square(r - grey) + square(g - grey) + square(b - grey)
    if greyDistance < cubeDistance { return UInt8(232 + step) }
    return UInt8(16 + 36 * ri + 6 * gi + bi)
  }

  /// The nearest of the sixteen ANSI colours.
  public static func index16(_ colour: RGB) -> UInt8 { nearest(colour, among: 16) }

  /// The nearest of the eight basic ANSI colours.
  public static func index8(_ colour: RGB) -> UInt8 { nearest(colour, among: 8) }

  /// The index of the cube level nearest to a channel value: the cut points
  /// lie halfway between levels (47.5, 115, 155, 195, 235).
  static func nearestCubeLevel(_ value: Int) -> Int {
    if value < 48 { return 0 }
    if value < 115 { return 1 }
    return min((value - 35) / 40, 5)
  }

  private static func nearest(_ colour: RGB, among count: Int) -> UInt8 {
    var best = 0, bestDistance = Int.max
    for index in 0..<count {
      let entry = ansi[index]
      let distance = square(Int(colour.red) - Int(entry.red)) + square(Int(colour.green) - Int(entry.green))
        + square(Int(colour.blue) - Int(entry.blue))
      if distance < bestDistance { (best, bestDistance) = (index, distance) }
    }
    return UInt8(best)
  }

  private static func square(_ x: Int) -> Int { x * x }
}
