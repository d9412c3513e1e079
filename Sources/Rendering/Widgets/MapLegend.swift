import OptimizerCore
import ViewModel

/// What the map's glyphs mean, under the map: each run's marker in its
/// colour with its name (and its what-if path, when one is shown), then the marks every run shares (best so far, the
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
      + runs.compactMap { run in
        run.whatIf.map {
          Entry(glyph: WhatIfPath.glyph, colour: run.style.colour, label: "\(run.name) if \($0.change)")
        }
      }
  }

  /// The shared marks and the overlays the runs draw, for the second row.
  /// `extra` holds overlays drawn besides the runs' own (a stage of an
  /// update taken apart): their kinds come first, since they are what the
  /// screen is explaining. `onPlane` (a plane through more than two
  /// dimensions) adds what its fading and dimming mean.
  public static func markEntries(_ runs: [RunLayer], view: MapView, extra: [Overlay] = [], onPlane: Bool = false) -> [Entry] {
    let plain = RGB(220, 220, 220)
    let stageRoles = roles(of: extra)
    var entries = [
      Entry(glyph: RunStyle.bestGlyph, colour: plain, label: "best so far"),
      Entry(glyph: LandscapeMarks.minimizerGlyph, colour: plain, label: "known minimum"),
    ]
    if onPlane {
      entries += [
        Entry(glyph: "●", colour: plain.blended(with: RGB(0, 0, 0), weight: 128), label: "fainter: farther off the plane"),
        Entry(glyph: "▀", colour: plain.blended(with: RGB(0, 0, 0), weight: HeatMap.outsideDimming), label: "dim: outside the box"),
      ]
    }
    entries += overlayEntries(stageRoles, colour: plain)
    if view.probes {
      entries += [
        Entry(glyph: "∘", colour: plain, label: "probe"),
        Entry(glyph: "+", colour: RunStyle.acceptedColour, label: "accepted"),
        Entry(glyph: "×", colour: RunStyle.rejectedColour, label: "rejected"),
      ]
    }
    let drawn = view.overlays ? roles(of: runs.flatMap(\.inspection.overlays)) : []
    entries += overlayEntries(drawn.filter { !stageRoles.contains($0) }, colour: plain)
    return entries
  }

  /// The distinct roles of `overlays`, in the roles' order.
  static func roles(of overlays: [Overlay]) -> [OverlayRole] {
    let present = Set(overlays.map(\.role))
    return OverlayRole.allCases.filter { present.contains($0) }
  }

  /// An entry for each role the legend names.
  static func overlayEntries(_ roles: [OverlayRole], colour: RGB) -> [Entry] {
    roles.compactMap { role in
      label(of: role).map { Entry(glyph: glyph(of: role), colour: OverlayPainter.colour(of: role, runColour: colour), label: $0) }
    }
  }

  /// What an overlay of this role is called in the legend; nil for marks
  /// the second row names already.
  static func label(of role: OverlayRole) -> String? {
    switch role {
    case .step: return "step Δ"
    case .estimate: return "−ĝ estimate"
    case .scale: return "scale √V"
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
  public static func help(_ runs: [RunLayer], view: MapView, onPlane: Bool = false) -> [KeyHelp] {
    (runEntries(runs) + markEntries(runs, view: view, onPlane: onPlane)).map {
      KeyHelp(section: "On the map", keys: String($0.glyph), description: $0.label)
    }
  }

  /// Draws the runs from the first row and the marks from the next, each
  /// entry as its glyph then its label; an entry that does not fit on its
  /// row goes on the next. What finds no row is in the `?` overlay, which
  /// lists the whole legend.
  public static func draw(
    _ runs: [RunLayer], view: MapView, extra: [Overlay] = [], onPlane: Bool = false, into grid: inout CellGrid, rect: Rect
  ) {
    let label = CellStyle(foreground: RGB(190, 190, 200))
    var y = rect.y
    for group in [runEntries(runs), markEntries(runs, view: view, extra: extra, onPlane: onPlane)] {
      var x = rect.x
      for entry in group {
        let width = 2 + DisplayWidth.columns(of: entry.label)
        if x + width > rect.maxX, x > rect.x {
          y += 1
          x = rect.x
        }
        guard y < rect.maxY else { return }
        grid.stamp(entry.glyph, x: x, y: y, colour: entry.colour, attributes: .bold)
        x += 2
        x += grid.text(entry.label, x: x, y: y, maxWidth: rect.maxX - x, style: label) + 2
      }
      y += 1
    }
  }
}
