import Rendering

/// How a scene is shown: what the visualizer opens with, and what
/// `render SCENE` draws.
public struct SceneView: Sendable, Hashable {
  /// A `ColourMap` id: viridis, magma, …
  public var colourMap: String
  public var scale: ColourScale
  /// The part of the landscape shown; nil fits the domain.
  public var viewport: Viewport?
  public var trails: Bool
  public var probes: Bool
  public var overlays: Bool
  /// Contour lines on the map; 0 draws none.
  public var contours: Int

  public init(
    colourMap: String = ColourMap.viridis.id, scale: ColourScale = .log, viewport: Viewport? = nil,
    trails: Bool = true, probes: Bool = true, overlays: Bool = true, contours: Int = 0
  ) {
    self.colourMap = colourMap
    self.scale = scale
    self.viewport = viewport
    self.trails = trails
    self.probes = probes
    self.overlays = overlays
    self.contours = contours
  }
}
