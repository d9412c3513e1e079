import OptimizerCore
import ViewModel

/// What the map's glyphs mean, under the map: each run's marker in its
/// colour with its name, then the marks every run shares (best so far, the
/// known minimum, probes, accepted and rejected moves) and the kinds of
/// overlay the runs draw now (velocity, momentum, gradient, gravity, …).
public enum MapLegend {
  /// One legend entry: a glyph in a colour, and what it stands for.
  public struct Entry: Sendable, Hashable {
    public var glyph: Character
    public var colour: RGB
    public var label: String
  }

  /// The runs' markers, for the first row.
  public static func runEntries(_ runs: [RunLayer]) -> [Entry] {
    runs.map { Entry(glyph: $0.style.glyph, colour: $0.style.colour, label: $0.name) }
  }

  /// The shared marks and the overlays the runs draw, for the second row.
  public static func markEntries(_ runs: [RunLayer], view: MapView) -> [Entry] {
    let plain = RGB(220, 220, 220)
    var entries = [
      Entry(glyph: RunStyle.bestGlyph, colour: plain, label: "best so far"),
      Entry(glyph: LandscapeMarks.minimizerGlyph, colour: plain, label: "known minimum"),
    ]
    if view.probes {
      entries += [
        Entry(glyph: "∘", colour: plain, label: "probe"),
        Entry(glyph: "+", colour: RunStyle.acceptedColour, label: "accepted"),
        Entry(glyph: "×", colour: RunStyle.rejectedColour, label: "rejected"),
      ]
    }
    guard view.overlays else { return entries }
    var roles: [OverlayRole] = []
    for run in runs {
      for overlay in run.inspection.overlays where !roles.contains(overlay.role) { roles.append(overlay.role) }
    }
    for role in OverlayRole.allCases where roles.contains(role) {
      guard let label = label(of: role) else { continue }
      entries.append(Entry(glyph: glyph(of: role), colour: OverlayPainter.colour(of: role, runColour: plain), label: label))
    }
    return entries
  }

  /// What an overlay of this role is called in the legend; nil for marks
  /// the second row names already.
  static func label(of role: OverlayRole) -> String? {
    switch role {
    case .step: return "step Δ"
    case .estimate: return "−ĝ estimate"
    case .scale: return "scale √v̂"
    case .velocity: return "velocity"
    case .momentum: return "momentum"
    case .gradient: return "gradient"
    case .gravity: return "gravity"
    case .covariance: return "covariance"
    case .sampling: return "sampling ellipse"
    case .searchBox: return "search box"
    case .simplex: return "simplex"
    case .mean: return "mean"
    case .centre: return "centre"
    case .personalBest: return "personal best"
    case .candidate: return "candidate"
    case .parent: return "parent"
    case .offspring: return "offspring"
    case .death: return "died"
    case .birth: return "reborn"
    case .ensemble: return "ensemble probe"
    case .best, .accepted, .rejected: return nil
    }
  }

  /// Arrows show as → whatever their direction; shapes by a dot of theirs.
  static func glyph(of role: OverlayRole) -> Character {
    switch role {
    case .step, .estimate, .velocity, .momentum, .gradient: return "→"
    case .scale: return "□"
    case .covariance, .sampling, .searchBox, .simplex: return "·"
    default: return OverlayPainter.glyph(of: role)
    }
  }

  /// The legend as rows of the `?` overlay, under "On the map": the one
  /// place it is on a screen too small for the legend rows.
  public static func help(_ runs: [RunLayer], view: MapView) -> [KeyHelp] {
    (runEntries(runs) + markEntries(runs, view: view)).map {
      KeyHelp(section: "On the map", keys: String($0.glyph), description: $0.label)
    }
  }

  /// Draws the runs on the first row and the marks on the second, each
  /// entry as its glyph then its label, cut at the row's end.
  public static func draw(_ runs: [RunLayer], view: MapView, into grid: inout CellGrid, rect: Rect) {
    let rows = [runEntries(runs), markEntries(runs, view: view)]
    let label = CellStyle(foreground: RGB(190, 190, 200))
    for (offset, entries) in rows.enumerated() where offset < rect.height {
      var x = rect.x
      let y = rect.y + offset
      for entry in entries {
        let width = 2 + DisplayWidth.columns(of: entry.label)
        guard x + width <= rect.maxX else { break }
        grid.stamp(entry.glyph, x: x, y: y, colour: entry.colour, attributes: .bold)
        x += 2
        x += grid.text(entry.label, x: x, y: y, maxWidth: rect.maxX - x, style: label) + 2
      }
    }
  }
}
