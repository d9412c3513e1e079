/// How the map is shown: the part of the landscape, its colours, and which
/// layers are drawn over it.
///
/// One value serves everywhere: the visualizer holds it, a scene saves it
/// as it is (its `view:` section), and the renderer draws from it. What
/// only lasts a frame (the mode, hints, the help, the inspector) is not
/// part of it.
public struct MapView: Sendable, Hashable {
  /// The part of the landscape shown; nil fits the domain.
  public var viewport: Viewport?
  public var colourMap: ColourMapName
  public var scale: ColourScale
  /// Contour lines evenly spaced in the colour scale; 0 draws none.
  public var contours: Int
  /// How many contour lines the key that turns them on draws when the
  /// view has had no count of its own.
  public static let contoursWhenOn = 10
  /// Downhill arrows on a coarse grid.
  public var gradientField: Bool
  /// Each run's recent path.
  public var trails: Bool
  /// The points each optimizer evaluated in its last iteration.
  public var probes: Bool
  /// What optimizers draw of their state: ellipses, ensembles, arrows.
  public var overlays: Bool
  /// The plane shown of a landscape of more than two dimensions.
  public var plane: MapPlane

  public init(
    viewport: Viewport? = nil, colourMap: ColourMapName = .viridis, scale: ColourScale = .log, contours: Int = 0,
    gradientField: Bool = false, trails: Bool = true, probes: Bool = true, overlays: Bool = true,
    plane: MapPlane = MapPlane()
  ) {
    self.plane = plane
    self.viewport = viewport
    self.colourMap = colourMap
    self.scale = scale
    self.contours = contours
    self.gradientField = gradientField
    self.trails = trails
    self.probes = probes
    self.overlays = overlays
  }
}
