import Testing

/// CJK characters and emoji typed into the visualizer take two columns
/// each on a real terminal, so the box around them keeps its right border
/// in the column it has without them.
@Suite(.serialized)
struct WideTextTests {
  /// A file name of wide characters only.
  static let typed = "谷の地図🚀"

  /// The terminal columns where `glyph` stands in `row`, counting each
  /// character of `typed` as two columns (capture-pane writes a wide glyph
  /// once) and every other as one.
  static func columns(of glyph: Character, in row: Substring) -> [Int] {
    var column = 0, found: [Int] = []
    for character in row {
      if character == glyph { found.append(column) }
      column += typed.contains(character) ? 2 : 1
    }
    return found
  }

  @Test func aWideFileNameKeepsTheSaveBoxsBorderInItsColumn() throws {
    let session = try TmuxSession(
      [OptiscopeBinary.path, "play", "--landscape", "rosenbrock", "--optimizer", "gd"],
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.waitForScreen("the heat map in 256 colours", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    try session.type("s")
    try session.waitForScreen(containing: "save the scene as")
    try session.type(Self.typed)
    let rows = ScreenReading.rows(of: try session.waitForScreen(containing: Self.typed))
    let top = try #require(rows.first { $0.contains("save the scene as") })
    let field = try #require(rows.first { $0.contains(Self.typed) })
    let corner = try #require(Self.columns(of: "┐", in: top).first)
    #expect(Self.columns(of: "│", in: field).contains(corner), "\(top)\n\(field)")
  }
}
