/// The colour maps a view can name: what users type, scenes store and the
/// `C`… keys cycle through. The colours themselves belong to the renderer
/// (`ColourMap`), which has one map for each name.
public enum ColourMapName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case viridis, magma, inferno, cividis, grayscale, coolwarm

  /// A name as typed, in any case: `Magma` is `magma`.
  public init?(typed text: String) {
    self.init(rawValue: text.lowercased())
  }

  /// The map after this one, for the key that cycles colour maps.
  public var next: ColourMapName {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  public var description: String { rawValue }
}
