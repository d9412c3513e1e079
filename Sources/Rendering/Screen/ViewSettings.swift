/// How the user has set up the screen: what the frame shows and how.
public struct ViewSettings: Sendable, Hashable {
  /// The part of the landscape shown; nil fits the domain.
  public var viewport: Viewport?
  public var colourMap: ColourMap
  public var scale: ColourScale
  /// Contour lines evenly spaced in the colour scale; 0 draws none.
  public var contours: Int
  /// Downhill arrows on a coarse grid.
  public var gradientField: Bool
  /// Which run layers the map shows.
  public var map: MapOptions
  /// The run whose panel is expanded and whose parameter is selected.
  public var selectedRun: Int?
  /// The selected row of that run's hyperparameter table.
  public var selectedParameter: Int
  /// running, paused, replaying, at breakpoint …
  public var mode: String
  /// Facts for the status line (speed, …) after the step.
  public var statusFacts: [String]
  public var hints: [StatusLine.Hint]
  /// The key table of the help overlay, shown when non-nil.
  public var help: [KeyHelp]?
  /// The terminal's colours and glyphs.
  public var profile: DisplayProfile
  /// Shown in place of the run panels when non-nil.
  public var inspector: InspectorContent?

  public init(
    viewport: Viewport? = nil, colourMap: ColourMap = .viridis, scale: ColourScale = .log, contours: Int = 0,
    gradientField: Bool = false, map: MapOptions = MapOptions(), selectedRun: Int? = nil, selectedParameter: Int = 0,
    mode: String = "paused", statusFacts: [String] = [], hints: [StatusLine.Hint] = [], help: [KeyHelp]? = nil,
    profile: DisplayProfile = .standard, inspector: InspectorContent? = nil
  ) {
    self.viewport = viewport
    self.colourMap = colourMap
    self.scale = scale
    self.contours = contours
    self.gradientField = gradientField
    self.map = map
    self.selectedRun = selectedRun
    self.selectedParameter = selectedParameter
    self.mode = mode
    self.statusFacts = statusFacts
    self.hints = hints
    self.help = help
    self.profile = profile
    self.inspector = inspector
  }
}
