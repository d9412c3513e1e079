import ViewModel

/// What a frame shows around the map that lasts only that frame: the mode
/// and facts of the status line, its key hints, the caption, the help
/// overlay, the inspector, and which run and hyperparameter are selected. Never saved:
/// the saved part of a view is `MapView`.
public struct FrameChrome: Sendable, Hashable {
  /// The run whose panel is expanded and whose parameter is selected.
  public var selectedRun: Int?
  /// The selected row of that run's hyperparameter table.
  public var selectedParameter: Int
  /// When non-nil, only this run's overlays and vectors are drawn (and
  /// named in the legend).
  public var overlayRun: Int?
  /// running, paused, replaying, at breakpoint …
  public var mode: String
  /// Facts for the status line (speed, …) after the step.
  public var statusFacts: [String]
  public var hints: [StatusLine.Hint]
  /// What the scene is about, over the top of the map, when non-nil.
  public var caption: Caption?
  /// The key table of the help overlay, shown when non-nil.
  public var help: [KeyHelp]?
  /// The help's page, counted round (`HelpOverlay`).
  public var helpPage: Int
  /// The terminal's colours and glyphs.
  public var profile: DisplayProfile
  /// Shown in place of the run panels when non-nil.
  public var inspector: InspectorContent?
  /// The race chart's clock.
  public var raceAxis: RaceChart.Axis
  /// One stage of an update taken apart: its panel in place of the run
  /// panels (and of the inspector), its geometry over the map.
  public var stage: StageContent?

  public init(
    selectedRun: Int? = nil, selectedParameter: Int = 0, overlayRun: Int? = nil, mode: String = "paused",
    statusFacts: [String] = [], hints: [StatusLine.Hint] = [], caption: Caption? = nil, help: [KeyHelp]? = nil,
    helpPage: Int = 0, profile: DisplayProfile = .standard, inspector: InspectorContent? = nil,
    raceAxis: RaceChart.Axis = .evaluations, stage: StageContent? = nil
  ) {
    self.raceAxis = raceAxis
    self.selectedRun = selectedRun
    self.selectedParameter = selectedParameter
    self.overlayRun = overlayRun
    self.mode = mode
    self.statusFacts = statusFacts
    self.hints = hints
    self.caption = caption
    self.help = help
    self.helpPage = helpPage
    self.profile = profile
    self.inspector = inspector
    self.stage = stage
  }
}
