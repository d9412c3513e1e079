/// What the end-to-end tests read off the visualizer's screen. These
/// patterns are the tests' contract with the screen's layout: loose enough
/// for small changes of wording, and kept in step with the Visualizer's
/// screen when it changes.
enum ScreenReading {
  /// The rows of a captured screen (capture-pane ends every row with a newline).
  static func rows(of screen: String) -> [Substring] {
    Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
  }

  /// The step counter: "step 42", "Step: 42", "steps=42".
  static func step(in screen: String) -> Int? {
    guard let match = screen.firstMatch(of: #/(?i)\bsteps?\b[ :=]*(\d+)/#) else { return nil }
    return Int(match.1)
  }

  /// The session's step on the status line (the last row), which run
  /// panels showing their own step counts do not confuse.
  static func sessionStep(in screen: String) -> Int? {
    guard let status = rows(of: screen).last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
      return nil
    }
    return step(in: String(status))
  }

  /// The learning rate as shown: "lr 0.001", "lr = 1e-3", "learning-rate: 0.01".
  static func learningRate(in screen: String) -> String? {
    guard let match = screen.firstMatch(of: #/(?i)\b(?:lr|learning[- ]rate)\b[ :=]*([0-9][0-9.eE+\-]*)/#) else {
      return nil
    }
    return String(match.1)
  }

  /// Half blocks in 256-colour SGR escapes: the heat map is drawn.
  static func showsHeatMap(coloured screen: String) -> Bool {
    screen.contains("▀") && (screen.contains("\u{1B}[38;5;") || screen.contains("\u{1B}[48;5;"))
  }

  /// The message a terminal below the minimum size gets.
  static func showsSizeMessage(_ screen: String) -> Bool {
    screen.firstMatch(of: #/(?i)too small|at least \d+\s*[×x]\s*\d+|enlarge|resize/#) != nil
  }

  /// A caret "^" right under the `offset`-th character of `text` where
  /// `text` stands on the screen: the error marker of a typed expression.
  static func showsCaret(under offset: Int, of text: String, in screen: String) -> Bool {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    let target = Array(text)
    for (row, line) in lines.enumerated() where row + 1 < lines.count {
      guard line.count >= target.count else { continue }
      for start in 0...(line.count - target.count) where Array(line[start..<start + target.count]) == target {
        let column = start + offset
        let below = lines[row + 1]
        if column < below.count && below[column] == "^" { return true }
      }
    }
    return false
  }

  /// Every best loss the panels show ("best 0.217", "best 1.37e-9"), in
  /// screen order.
  static func bestLosses(in screen: String) -> [String] {
    screen.matches(of: #/\bbest ([0-9][0-9.eE+\-]*)/#).map { String($0.1) }
  }
}
