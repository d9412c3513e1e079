import Rendering

extension SceneView {
  /// The rendering settings this view asks for: colour map, scale,
  /// viewport, contours, and which run layers (trails, probes, overlays)
  /// the map shows. An unknown colour map id (the reader refuses those)
  /// falls back to viridis.
  public func viewSettings(mode: String, statusFacts: [String] = []) -> ViewSettings {
    ViewSettings(
      viewport: viewport, colourMap: ColourMap.named(colourMap) ?? .viridis, scale: scale, contours: contours,
      map: MapOptions(trails: trails, probes: probes, overlays: overlays), mode: mode, statusFacts: statusFacts)
  }
}
