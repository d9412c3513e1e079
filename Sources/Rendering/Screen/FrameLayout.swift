/// Where each part of the screen goes, from the terminal's size alone (as
/// btop's calcSizes does): small screens get the map and a compact panel,
/// large ones every panel and the race chart.
public struct FrameLayout: Sendable, Hashable {
  /// The three arrangements, by size.
  public enum Size: Sendable, Hashable {
    /// Below 100×30 (the classic 80×24): map, horizontal colour bar, one
    /// compact panel and a line per other run.
    case compact
    /// Up to 160×45: map, vertical colour bar, the selected run's full
    /// panel, a summary of every other run that fits and, from 36 rows
    /// (120×40), the race chart in the lowest quarter of the side bar.
    case medium
    /// From 160×45 (200×60): every run's full panel and, below them, the
    /// race chart in the lower two fifths of the side bar.
    case large
  }

  /// The smallest screen that is drawn; anything smaller gets a message.
  public static let minimumWidth = 40
  public static let minimumHeight = 12

  public let size: Size
  /// The landscape's title, view and scale.
  public let header: Rect
  public let map: Rect
  /// What the map's glyphs mean (`MapLegend`), two rows under the map;
  /// empty in the compact layout, whose `?` overlay holds it instead.
  public let legend: Rect
  public let colourBar: Rect
  /// Above the colour bar: what it measures and on which scale.
  public let colourBarLabel: Rect
  public let panels: Rect
  /// Empty in the compact layout and in a medium one under 36 rows.
  public let raceChart: Rect
  /// The fewest rows of a medium layout that holds the race chart.
  public static let mediumRaceChartHeight = 36
  public let status: Rect

  /// The layout of a `width`×`height` screen, or nil when it is too small.
  public init?(width: Int, height: Int) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let screen = Rect(width: width, height: height)
    let rows = Layout.rows(screen, [.fill, .fixed(1)])
    status = rows[1]
    let body = rows[0]
    if width >= 160 && height >= 45 {
      size = .large
    } else if width >= 100 && height >= 30 {
      size = .medium
    } else {
      size = .compact
    }
    switch size {
    case .compact:
      let columns = Layout.columns(body, [.fill, .fixed(min(30, width * 2 / 5))], spacing: 1)
      let left = Layout.rows(columns[0], [.fixed(1), .fill, .fixed(2)])
      (header, map, colourBar) = (left[0], left[1], left[2])
      legend = Rect(x: map.x, y: map.maxY, width: 0, height: 0)
      colourBarLabel = Rect(x: colourBar.x, y: colourBar.y, width: 0, height: 0)
      panels = columns[1]
      raceChart = Rect(x: columns[1].maxX, y: 0, width: 0, height: 0)
    case .medium, .large:
      let sideWidth = size == .large ? min(64, width / 3) : 40
      let columns = Layout.columns(body, [.fill, .fixed(10), .fixed(sideWidth)], spacing: 1)
      // From 40 rows the legend has a third row, for the kinds of overlay
      // a swarm and a descent draw together.
      let legendRows = height >= 40 ? 3 : 2
      let left = Layout.rows(columns[0], [.fixed(1), .fill, .fixed(legendRows)])
      (header, map, legend) = (left[0], left[1], left[2])
      colourBar = columns[1].inset(top: 1, bottom: 2)
      colourBarLabel = Rect(x: columns[1].x, y: columns[1].y, width: columns[1].width, height: 1)
      if size == .large {
        let side = Layout.rows(columns[2], [.fill, .fraction(0.4)], spacing: 1)
        (panels, raceChart) = (side[0], side[1])
      } else if height >= Self.mediumRaceChartHeight {
        let side = Layout.rows(columns[2], [.fill, .fixed(max(8, body.height / 4))], spacing: 1)
        (panels, raceChart) = (side[0], side[1])
      } else {
        panels = columns[2]
        raceChart = Rect(x: columns[2].maxX, y: 0, width: 0, height: 0)
      }
    }
  }
}
