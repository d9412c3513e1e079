import Landscapes
import Testing

@Suite struct MalformedExpressionsAreRejectedTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    var column: Int
    var length: Int
    var message: String
    var testDescription: String { source.debugDescription }
    init(_ source: String, column: Int, length: Int = 1, _ message: String) {
      self.source = source
      self.column = column
      self.length = length
      self.message = message
    }
  }

  static let cases: [Case] = [
    Case("x + * y", column: 5, "unexpected '*' at column 5; expected a number, x, y, a function or '('"),
    Case("", column: 1, "empty expression at column 1; type a function of x and y, such as x^2 + y^2"),
    Case("   ", column: 1, "empty expression at column 1; type a function of x and y, such as x^2 + y^2"),
    Case("x +", column: 4, "unexpected end of input at column 4; expected a number, x, y, a function or '('"),
    Case("x^", column: 3, "unexpected end of input at column 3; expected a number, x, y, a function or '('"),
    Case("(x + 1", column: 1, "unclosed '(' at column 1; add ')' to close it"),
    Case("2 * (x + (y - 1)", column: 5, "unclosed '(' at column 5; add ')' to close it"),
    Case("sin(x", column: 4, "unclosed '(' at column 4; add ')' to close it"),
    Case("x)", column: 2, "unmatched ')' at column 2"),
    Case("()", column: 2, "unexpected ')' at column 2; expected a number, x, y, a function or '('"),
    Case("sinn(x)", column: 1, length: 4, "unknown function 'sinn' at column 1; did you mean 'sin'?"),
    Case("x + yy", column: 5, length: 2, "unknown name 'yy' at column 5; did you mean 'y'?"),
    Case("quux + 1", column: 1, length: 4, "unknown name 'quux' at column 1"),
    Case("sin + 1", column: 1, length: 3, "function 'sin' without arguments at column 1; call it as sin(…)"),
    Case("x(2)", column: 1, "'x' is not a function at column 1; write x*(…) to multiply"),
    Case("pow(2)", column: 1, length: 6, "wrong number of arguments to 'pow' at column 1; it takes 2, not 1"),
    Case("1 + sin(1, 2)", column: 5, length: 9, "wrong number of arguments to 'sin' at column 5; it takes 1, not 2"),
    Case("max()", column: 1, length: 5, "wrong number of arguments to 'max' at column 1; it takes 2, not 0"),
    Case("max(x,)", column: 7, "unexpected ')' at column 7; expected a number, x, y, a function or '('"),
    Case("(x, y)", column: 3, "unexpected ',' at column 3; expected an operator or ')'"),
    Case("x, y", column: 2, "unexpected ',' at column 2; expected an operator"),
    Case("2x", column: 2, "unexpected 'x' at column 2; expected an operator; write '*' to multiply"),
    Case("min(x y)", column: 7, "unexpected 'y' at column 7; expected an operator, ',' or ')'; write '*' to multiply"),
    Case("x $ y", column: 3, "unexpected character '$' at column 3"),
    Case("x + \u{7}", column: 5, "unexpected character U+0007 at column 5"),
    Case("é + x", column: 1, "unexpected character 'é' at column 1"),
    Case("x + 👍", column: 5, "unexpected character '👍' at column 5"),
    Case("x + e\u{301}", column: 5, "unexpected character U+0065 U+0301 at column 5"),
    Case("\u{301}x", column: 1, "unexpected character U+0301 at column 1"),
    Case("1e- + x", column: 1, length: 3, "malformed number '1e-' at column 1; the exponent needs digits, as in 1e-3"),
    Case("x.", column: 2, "unexpected character '.' at column 2"),
    Case("* *", column: 1, "unexpected '*' at column 1; expected a number, x, y, a function or '('"),
  ]

  @Test(arguments: cases)
  func rejectsWithColumnAndMessage(_ testCase: Case) {
    #expect {
      _ = try ExpressionLandscape(source: testCase.source)
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      #expect(error.column == testCase.column)
      #expect(error.length == testCase.length)
      #expect(error.message == testCase.message)
      #expect(error.description == error.message)
      #expect(error.source == testCase.source)
      return true
    }
  }

  @Test func caretsPointAtTheOffendingToken() throws {
    let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: "x + * y") }
    #expect(error.caretDiagnostic == "x + * y\n    ^")
    let call = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: "1 + pow(2)") }
    #expect(call.caretDiagnostic == "1 + pow(2)\n    ^^^^^^")
  }

  @Test func caretAfterTheEndMarksTheMissingPart() throws {
    let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: "x +") }
    #expect(error.caretDiagnostic == "x +\n   ^")
  }

  /// A 100 000-character expression used to print a 100 000-column line
  /// and as many spaces before its caret.
  @Test func aLongExpressionIsQuotedAsAWindowAroundTheToken() throws {
    let source = String(repeating: "x+", count: 50_000)
    let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: source) }
    let lines = error.caretDiagnostic.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.count <= 201 }, "\(lines.map(\.count))")
    #expect(lines[0].hasPrefix("…") && lines[0].hasSuffix("x+x+"), "cut on the left, ending where the input ends")
    #expect(lines[1].hasSuffix("^") && lines[1].count == lines[0].count + 1, "the caret just past the last '+'")
  }

  @Test func controlCharactersRenderAsSpacesSoCaretsAlign() throws {
    let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: "x\t+\n* y") }
    #expect(error.column == 5)
    #expect(error.caretDiagnostic == "x + * y\n    ^")
  }

  @Test func unusualCharactersRenderAsOneCellEach() throws {
    let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: "π·x\r\n+ 漢\u{301} + y") }
    #expect(error.column == 7)
    #expect(error.caretDiagnostic == "π·x + ? + y\n      ^")
  }

  @Test func nestingBeyondTheLimitIsAnErrorNotACrash() throws {
    let deepest = String(repeating: "(", count: 199) + "x" + String(repeating: ")", count: 199)
    #expect(try ExpressionLandscape(source: deepest).value(at: [2, 0]) == 2)
    for opener in ["(", "-", "2^", "sin("] {
      let source = String(repeating: opener, count: 5000) + "x"
      let error = try #require(throws: ExpressionError.self) { try ExpressionLandscape(source: source) }
      #expect(error.message.hasPrefix("expression nests deeper than 200 levels at column "))
      #expect(error.column == 200 * opener.count + 1)
    }
  }

  @Test func longFlatInputsCompile() throws {
    let terms = 3000
    let sum = Array(repeating: "x", count: terms).joined(separator: "+")
    #expect(try ExpressionLandscape(source: sum).value(at: [1, 0]) == Double(terms))
    let product = Array(repeating: "(x*y)", count: 1000).joined(separator: "*")
    #expect(try ExpressionLandscape(source: product).value(at: [1, 1]) == 1)
  }
}
