import Engine
import OptimizerCore

/// A condition that pauses a replay (`--break COND`, or `b` in the UI).
///
///     step == 120
///     best < 1e-3            any run's best loss
///     run 2 best < 1e-3      one run's: the second (runs count from 1)
///     event == reject        any run's last step had that event
///     temperature < 0.01     a readout of any run, by name or symbol
///     run 1 order >= 3
///     step == 40 then substeps   also opens the sub-step mode there
public struct Breakpoint: Sendable, Hashable, CustomStringConvertible {
  public enum Subject: Sendable, Hashable {
    case step
    case best
    case event(StepEvent.Kind)
    /// A readout by name or symbol.
    case readout(String)
  }

  public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"

    func holds(_ a: Double, _ b: Double) -> Bool {
      switch self {
      case .equal: return a == b
      case .notEqual: return a != b
      case .less: return a < b
      case .lessOrEqual: return a <= b
      case .greater: return a > b
      case .greaterOrEqual: return a >= b
      }
    }
  }

  public var subject: Subject
  public var comparison: Comparison
  /// The number compared with (unused for events).
  public var value: Double
  /// The id of the run it watches (the typed `run N` is id N − 1); nil
  /// watches every run.
  public var run: Int?
  /// The condition as typed, for the status line.
  public let text: String
  /// 1-based columns in `text` of the run number and of the subject, for
  /// errors found once the scene is known (`check(in:)`).
  let runColumn: Int?
  let subjectColumn: Int
  /// `then substeps`: the visualizer, stopped here, takes the next update
  /// apart (headless replays ignore it).
  public var opensSubsteps = false

  public var description: String { text }

  /// Reads a condition, or says what is wrong with it and at which column.
  public static func parse(_ text: String) throws(BreakpointError) -> Breakpoint {
    var tokens = Tokens(text)
    var run: Int?
    var runColumn: Int?
    if tokens.peek?.word == "run" {
      tokens.next()
      guard let token = tokens.next(), let number = Int(token.word) else {
        throw tokens.error("expected a run number after 'run'", at: tokens.last)
      }
      guard number >= 1 else { throw tokens.error("runs count from 1; the first run is 'run 1'", at: token) }
      (run, runColumn) = (number - 1, token.column)
    }
    guard let subjectToken = tokens.next() else {
      throw tokens.error("expected step, best, event or a readout such as temperature", at: nil)
    }
    guard let opToken = tokens.next(), let comparison = Comparison(rawValue: opToken.word) else {
      throw tokens.error("expected one of == != < <= > >=", at: tokens.last)
    }
    guard let valueToken = tokens.next() else { throw tokens.error("expected a value after \(opToken.word)", at: nil) }

    let subject: Subject
    var value = 0.0
    switch subjectToken.word {
    case "event":
      guard comparison == .equal else { throw tokens.error("an event can only be compared with ==", at: opToken) }
      guard let kind = StepEvent.Kind(rawValue: valueToken.word) else {
        let names = StepEvent.Kind.allCases.map(\.rawValue)
        throw tokens.error(
          "unknown event '\(valueToken.word)'\(suggestionSuffix(for: valueToken.word, in: names)) (events: \(names.joined(separator: ", ")))",
          at: valueToken)
      }
      subject = .event(kind)
    default:
      guard let number = Double(valueToken.word), !number.isNaN else {
        throw tokens.error("expected a number, got '\(QuotedLine.excerpt(valueToken.word))'", at: valueToken)
      }
      value = number
      switch subjectToken.word {
      case "step":
        guard run == nil else { throw tokens.error("the step is the session's; drop 'run \(run! + 1)'", at: subjectToken) }
        subject = .step
      case "best": subject = .best
      default:
        guard subjectToken.word.first?.isLetter == true else {
          throw tokens.error(
            "expected step, best, event or a readout name, got '\(QuotedLine.excerpt(subjectToken.word))'", at: subjectToken)
        }
        subject = .readout(subjectToken.word)
      }
    }
    var opensSubsteps = false
    if tokens.peek?.word == "then" {
      let then = tokens.next()
      guard tokens.next()?.word == "substeps" else {
        throw tokens.error("expected 'substeps' after 'then'", at: tokens.last ?? then)
      }
      opensSubsteps = true
    }
    if let extra = tokens.next() { throw tokens.error("unexpected '\(extra.word)'", at: extra) }
    return Breakpoint(
      subject: subject, comparison: comparison, value: value, run: run, text: text.trimmingSpaces,
      runColumn: runColumn, subjectColumn: subjectToken.column, opensSubsteps: opensSubsteps)
  }

  /// True when the condition holds for the session as it is now.
  public func isHit(by session: Session) -> Bool {
    let runs = session.runs.filter { run == nil || $0.id == run }
    switch subject {
    case .step:
      return comparison.holds(Double(session.step), value)
    case .best:
      return runs.contains { ($0.best?.loss).map { comparison.holds($0, value) } ?? false }
    case .event(let kind):
      return runs.contains { $0.lastEvents.contains { $0.kind == kind } }
    case .readout(let name):
      return runs.contains { run in
        let readout = run.optimizer.inspect().readouts.first { $0.name == name || $0.symbol == name }
        return readout.map { comparison.holds($0.value, value) } ?? false
      }
    }
  }
}

/// Why a breakpoint condition could not be read.
public struct BreakpointError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// 1-based column in the condition.
  public var column: Int
  public var condition: String

  public var description: String { "in breakpoint '\(condition)': \(message) at column \(column)" }
}

/// The words of a condition with their columns; operators split off even
/// without spaces (`best<1e-3`).
private struct Tokens {
  struct Token { var word: String; var column: Int }
  let text: String
  var items: [Token] = []
  var index = 0
  var last: Token? { index > 0 ? items[index - 1] : nil }
  var peek: Token? { index < items.count ? items[index] : nil }

  init(_ text: String) {
    self.text = text
    let characters = Array(text)
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if c.isWhitespace { i += 1; continue }
      let start = i
      if "<>=!".contains(c) {
        i += 1
        if i < characters.count, characters[i] == "=" { i += 1 }
      } else {
        // A number's exponent sign (1e-3) stays in the word.
        while i < characters.count, !characters[i].isWhitespace, !"<>=!".contains(characters[i]) { i += 1 }
      }
      items.append(Token(word: String(characters[start..<i]), column: start + 1))
    }
  }

  @discardableResult
  mutating func next() -> Token? {
    guard index < items.count else { return nil }
    index += 1
    return items[index - 1]
  }

  func error(_ message: String, at token: Token?) -> BreakpointError {
    BreakpointError(message: message, column: token?.column ?? text.count + 1, condition: text)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
