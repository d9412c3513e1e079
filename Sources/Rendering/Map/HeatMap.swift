import Dispatch
import Landscapes
import OptimizerCore
import ViewModel

/// The loss landscape sampled on the map's pixels, with the colour scale
/// fitted to the samples; drawn with the upper half block ▀ so that each
/// cell shows two pixels (foreground = upper, background = lower).
///
/// Sampling is the expensive part, so it is cached: `update` samples again
/// only when the landscape, the viewport or the map's size changes, and
/// refits the scale only when the scale changes. The colour map is applied
/// at drawing time and costs nothing to change.
public struct HeatMap: Sendable {
  /// What a set of samples was taken for.
  public struct Key: Sendable, Hashable {
    /// Names the function: a landscape's name and domain, or what the
    /// caller chose for a bare objective.
    public var landscape: String
    public var viewport: Viewport
    public var columns: Int
    public var rows: Int
    /// The plane sampled, nil for the landscape's first two coordinates.
    public var plane: PlaneGeometry?
  }

  /// The key of the current samples (nil before the first update).
  public private(set) var key: Key?
  /// The scale fitted to the current samples.
  public private(set) var fitted: FittedScale?
  /// f at the centres of a 2×2 grid of sub-pixels in each pixel
  /// (supersampling, so that ripples finer than a pixel blend instead of
  /// aliasing into stripes), row-major, top row first:
  /// `2·pixelWidth × 2·pixelHeight` values.
  public private(set) var samples: [Double] = []
  /// Each pixel's position on the colour map, t ∈ [0, 1]: the mean of its
  /// four sub-pixels' levels that are defined (NaN where none is).
  public private(set) var levels: [Double] = []

  /// On a plane, true for each pixel whose centre lies outside the box:
  /// its samples are the function at the clamped point, drawn dim
  /// (`outsideDimming`). Empty without a plane.
  public private(set) var outside: [Bool] = []
  /// How much of its colour a pixel outside the box loses to black, of 256.
  public static let outsideDimming = 150

  /// Sub-pixels per pixel along each axis.
  public static let supersampling = 2
  /// Each level as an index into a colour map's 256-entry table (−1 where
  /// the level is NaN): drawing is then a lookup per pixel.
  private var indices: [Int16] = []
  /// How many times the landscape has been sampled (the cache's misses).
  public private(set) var samplings = 0

  /// Grids below this many sample points are sampled on one thread.
  static let parallelThreshold = 4096

  public init() {}

  public var pixelWidth: Int { key?.columns ?? 0 }
  public var pixelHeight: Int { (key?.rows ?? 0) * 2 }

  /// Brings the map up to date for a landscape: its first two coordinates
  /// vary over the viewport, any further ones stay at the domain's centre.
  /// Returns true when the landscape had to be sampled again.
  @discardableResult
  public mutating func update(
    landscape: any Landscape, viewport: Viewport, columns: Int, rows: Int, scale: ColourScale
  ) -> Bool {
    update(
      objective: landscape, identity: "\(landscape.name) on \(landscape.domain)", viewport: viewport,
      columns: columns, rows: rows, scale: scale, base: landscape.domain.center)
  }

  /// Brings the map up to date for any objective. `identity` must change
  /// whenever the function does; `base` fixes coordinates beyond the
  /// first two (zeros by default). With a `plane` the viewport is in the
  /// plane's (u, v) and f is sampled at its points clamped into the box
  /// (`base` is then unused). Returns true when it sampled again.
  @discardableResult
  public mutating func update(
    objective: any Objective, identity: String, viewport: Viewport, columns: Int, rows: Int,
    scale: ColourScale, base: Vector? = nil, plane: PlaneGeometry? = nil
  ) -> Bool {
    let newKey = Key(landscape: identity, viewport: viewport, columns: max(columns, 0), rows: max(rows, 0), plane: plane)
    let resample = newKey != key
    if resample {
      key = newKey
      let (width, height) = (newKey.columns * Self.supersampling, newKey.rows * 2 * Self.supersampling)
      if let plane {
        samples = Self.sample(objective, viewport: viewport, width: width, height: height, plane: plane)
        outside = Self.outsidePixels(plane, viewport: viewport, width: newKey.columns, height: newKey.rows * 2)
      } else {
        samples = Self.sample(
          objective, viewport: viewport, width: width, height: height, base: base ?? Vector.zeros(objective.dimension))
        outside = []
      }
      samplings += 1
    }
    if resample || fitted?.scale != scale {
      let fit = FittedScale(scale, samples: samples)
      fitted = fit
      levels = Self.pixelLevels(samples.map { fit.level(of: $0) }, width: newKey.columns, height: newKey.rows * 2)
      indices = levels.map { $0.isNaN ? -1 : Int16(min(max(Int($0 * 255 + 0.5), 0), 255)) }
    }
    return resample
  }

  /// Each pixel's level: the mean of the defined levels of its n×n
  /// sub-pixels (n = `supersampling`), NaN when none is defined.
  static func pixelLevels(_ subLevels: [Double], width: Int, height: Int) -> [Double] {
    let n = supersampling, subWidth = width * n
    var levels = [Double](repeating: .nan, count: width * height)
    for j in 0..<height {
      for i in 0..<width {
        var sum = 0.0, count = 0
        for b in 0..<n {
          let row = (j * n + b) * subWidth + i * n
          for a in 0..<n where !subLevels[row + a].isNaN {
            sum += subLevels[row + a]
            count += 1
          }
        }
        if count > 0 { levels[j * width + i] = sum / Double(count) }
      }
    }
    return levels
  }

  /// f at the centre of every cell of a `width`×`height` grid over the
  /// viewport, rows in parallel when the grid is large; a remote function
  /// in batches (`MapSampleRequest`), not a point at a time.
  static func sample(_ f: any Objective, viewport: Viewport, width: Int, height: Int, base: Vector) -> [Double] {
    guard width > 0, height > 0 else { return [] }
    if f.isRemote { return MapSampleRequest.values(f, viewport: viewport, width: width, height: height, base: base) }
    var values = [Double](repeating: .nan, count: width * height)
    let x0 = viewport.x.lowerBound, y1 = viewport.y.upperBound
    let dx = viewport.width / Double(width), dy = viewport.height / Double(height)
    let hasY = base.dimension > 1
    values.withUnsafeMutableBufferPointer { buffer in
      let shared = RowBuffer(base: buffer.baseAddress!)
      @Sendable func fillRow(_ j: Int) {
        var point = base
        if hasY { point[1] = y1 - (Double(j) + 0.5) * dy }
        let row = shared.base + j * width
        for i in 0..<width {
          point[0] = x0 + (Double(i) + 0.5) * dx
          row[i] = f.value(at: point)
        }
      }
      if width * height >= parallelThreshold {
        DispatchQueue.concurrentPerform(iterations: height) { fillRow($0) }
      } else {
        for j in 0..<height { fillRow(j) }
      }
    }
    return values
  }

  /// f at the centre of every cell of a `width`×`height` grid over the
  /// viewport in a plane's (u, v), at the plane's points clamped into the
  /// box; rows in parallel when the grid is large.
  static func sample(_ f: any Objective, viewport: Viewport, width: Int, height: Int, plane: PlaneGeometry) -> [Double] {
    guard width > 0, height > 0 else { return [] }
    let x0 = viewport.x.lowerBound, y1 = viewport.y.upperBound
    let dx = viewport.width / Double(width), dy = viewport.height / Double(height)
    if f.isRemote {
      // A process: every point first, then asked for in batches (docs/PROTOCOL.md), not one at a time.
      var points: [Vector] = []
      points.reserveCapacity(width * height)
      for j in 0..<height {
        let v = y1 - (Double(j) + 0.5) * dy
        for i in 0..<width {
          var point = plane.origin
          plane.point(u: x0 + (Double(i) + 0.5) * dx, v: v, into: &point)
          for k in 0..<point.dimension { point[k] = min(max(point[k], plane.lower[k]), plane.upper[k]) }
          points.append(point)
        }
      }
      return stride(from: 0, to: points.count, by: MapSampleRequest.maximumBatch).flatMap { start in
        f.values(at: Array(points[start..<min(start + MapSampleRequest.maximumBatch, points.count)]))
      }
    }
    var values = [Double](repeating: .nan, count: width * height)
    values.withUnsafeMutableBufferPointer { buffer in
      let shared = RowBuffer(base: buffer.baseAddress!)
      @Sendable func fillRow(_ j: Int) {
        var point = plane.origin
        let v = y1 - (Double(j) + 0.5) * dy
        let row = shared.base + j * width
        for i in 0..<width {
          plane.point(u: x0 + (Double(i) + 0.5) * dx, v: v, into: &point)
          for k in 0..<point.dimension { point[k] = min(max(point[k], plane.lower[k]), plane.upper[k]) }
          row[i] = f.value(at: point)
        }
      }
      if width * height >= parallelThreshold {
        DispatchQueue.concurrentPerform(iterations: height) { fillRow($0) }
      } else {
        for j in 0..<height { fillRow(j) }
      }
    }
    return values
  }

  /// For each pixel of a `width`×`height` map over the viewport, whether
  /// the plane's point at its centre lies outside the box.
  static func outsidePixels(_ plane: PlaneGeometry, viewport: Viewport, width: Int, height: Int) -> [Bool] {
    let dx = viewport.width / Double(max(width, 1)), dy = viewport.height / Double(max(height, 1))
    var point = plane.origin
    var result = [Bool](repeating: false, count: width * height)
    for j in 0..<height {
      for i in 0..<width {
        plane.point(
          u: viewport.x.lowerBound + (Double(i) + 0.5) * dx, v: viewport.y.upperBound - (Double(j) + 0.5) * dy,
          into: &point)
        result[j * width + i] = !plane.contains(point)
      }
    }
    return result
  }

  /// True when the pixel at (i, j) shows a point of the plane outside the
  /// box (never without a plane).
  public func isOutside(pixelX i: Int, pixelY j: Int) -> Bool {
    guard !outside.isEmpty, i >= 0, i < pixelWidth, j >= 0, j < pixelHeight else { return false }
    return outside[j * pixelWidth + i]
  }

  /// t of the pixel at (i, j), or NaN outside the map.
  public func level(pixelX i: Int, pixelY j: Int) -> Double {
    guard i >= 0, i < pixelWidth, j >= 0, j < pixelHeight else { return .nan }
    return levels[j * pixelWidth + i]
  }

  /// The colour drawn where f is NaN or infinite.
  public static let undefinedColour = RGB(40, 40, 40)

  /// Draws the map into `rect`, which must have the size of the last
  /// update. `contours` > 0 draws that many contour lines, evenly spaced
  /// in t, by shading the pixels where the level crosses one.
  ///
  /// The glyphs follow the display: half blocks with 256 or more colours;
  /// on 8 and 16 colours and in monochrome, the shade ramp " ░▒▓█" of the
  /// cell's mean level (coloured when colours exist); without UTF-8, the
  /// ASCII ramp " .:-=+*#%@".
  public func draw(
    into grid: inout CellGrid, rect: Rect, colourMap: ColourMap, profile: DisplayProfile = .standard,
    contours: Int = 0
  ) {
    precondition(
      rect.width == pixelWidth && rect.height * 2 == pixelHeight,
      "the heat map was sampled for \(pixelWidth)×\(pixelHeight / 2) cells, not \(rect.width)×\(rect.height)")
    let width = pixelWidth
    let table = colourMap.table
    // Contour bands from the table index: band = ⌊index·count/256⌋.
    let bands: [Int16] = contours > 0 ? indices.map { $0 < 0 ? -1 : Int16(Int($0) * contours / 256) } : []
    func colour(_ index: Int) -> RGB {
      let i = Int(indices[index])
      guard i >= 0 else { return Self.undefinedColour }
      let c = outside.isEmpty || !outside[index] ? table[i] : table[i].blended(with: RGB(0, 0, 0), weight: Self.outsideDimming)
      guard contours > 0 else { return c }
      let band = bands[index]
      let crosses = (index % width + 1 < width && bands[index + 1] != band)
        || (index + width < bands.count && bands[index + width] != band)
      guard crosses else { return c }
      return c.blended(with: c.luminance > 0.55 ? RGB(0, 0, 0) : RGB(255, 255, 255), weight: 77)
    }
    let halfBlocks = profile.glyphs == .unicode
      && (profile.colourDepth == .palette256 || profile.colourDepth == .trueColour)
    let ramp: [Character] = profile.glyphs == .unicode ? Self.shadeRamp : Self.asciiRamp
    let coloured = profile.colourDepth != .monochrome
    for row in 0..<rect.height {
      for column in 0..<rect.width {
        let upper = (2 * row) * width + column, lower = upper + width
        let x = rect.x + column, y = rect.y + row
        guard grid.contains(x: x, y: y) else { continue }
        if halfBlocks {
          grid[x, y] = Cell(scalar: "▀", foreground: colour(upper), background: colour(lower), attributes: [])
        } else {
          let a = levels[upper], b = levels[lower]
          let t = a.isNaN ? b : (b.isNaN ? a : (a + b) / 2)
          let glyph = t.isNaN ? " " : ramp[min(Int(t * Double(ramp.count)), ramp.count - 1)]
          let fg = coloured && !t.isNaN ? colourMap.colour(at: t) : nil
          grid[x, y] = Cell(glyph, foreground: fg)
        }
      }
    }
  }

  /// Monochrome heat map glyphs, light to dark ink (low to high loss).
  public static let shadeRamp: [Character] = [" ", "░", "▒", "▓", "█"]
  /// Heat map glyphs when only ASCII can be shown.
  public static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
}

/// The samples' storage, shared by the threads that fill it: each row is
/// written by exactly one of them, so no two threads touch the same element.
private struct RowBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>
}

extension HeatMap {
  /// Shows samples taken elsewhere, complete or not: a remote function's,
  /// sampled in the background (`MapSampleRequest`), for their request's
  /// key; the scale is fitted to them as `update` fits its own.
  public mutating func show(_ taken: MapSamples, scale: ColourScale) {
    let shown = taken.request.key
    key = shown
    samples = taken.values
    samplings += 1
    let fit = FittedScale(scale, samples: samples)
    fitted = fit
    levels = Self.pixelLevels(samples.map { fit.level(of: $0) }, width: shown.columns, height: shown.rows * 2)
    indices = levels.map { $0.isNaN ? -1 : Int16(min(max(Int($0 * 255 + 0.5), 0), 255)) }
  }
}
