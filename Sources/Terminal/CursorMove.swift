/// How the cursor gets from where the last glyph left it to the next cell
/// to write: the shortest in bytes of
///
/// - CUP, `ESC[row;columnH` (`ESC[rowH` in the first column, `ESC[H` at home),
///   the only way from an unknown place (the start, or the right margin
///   after the last column was written);
/// - relative: CUD or CUU (`ESC[nB`, `ESC[A` for one), then CUF right or
///   back by BS (one byte each) or CUB;
/// - from the line's start: CR, then LF once a row down (CR first makes LF
///   land in the first column whether or not the terminal adds a CR to
///   it), CUD or CUU, then CUF;
/// - writing cells again that already show what the frame has, when the pen
///   already has their style: those between the cursor and the target on
///   its row, or the target row's first ones after CR (the writer goes
///   through a frame's cells in order, so every cell before the target
///   shows the frame).
///
/// Within a frame the target comes after the cursor; the first move of a
/// frame starts where the last frame left the cursor, above or below.
enum CursorMove: Equatable {
  case stay
  case absolute(row: Int, column: Int)
  case relative(down: Int, right: Int)
  case lineStart(down: Int, column: Int)
  /// The `cells` cells up to the target on the cursor's row, written again.
  case rewrite(cells: Int)
  /// CR, down `down` rows, then the row's first `cells` cells written again.
  case lineStartRewrite(down: Int, cells: Int)

  /// A cell's place: column x, row y.
  typealias Place = (x: Int, y: Int)

  /// The shortest move from `cursor` (nil: unknown) to `target`.
  /// `rewriteBytes(row, columns)` is what writing those unchanged cells
  /// again costs, or nil when they cannot be (another style, a wide glyph).
  static func shortest(from cursor: Place?, to target: Place, rewriteBytes: (Int, Range<Int>) -> Int?) -> CursorMove {
    guard let cursor else { return .absolute(row: target.y, column: target.x) }
    let down = target.y - cursor.y, right = target.x - cursor.x
    if down == 0 && right == 0 { return .stay }
    var best = CursorMove.absolute(row: target.y, column: target.x)
    var bestLength = best.length
    func consider(_ move: CursorMove, _ length: Int) {
      if length < bestLength { (best, bestLength) = (move, length) }
    }
    let relative = CursorMove.relative(down: down, right: right)
    consider(relative, relative.length)
    if down != 0 || right < 0 {
      let lineStart = CursorMove.lineStart(down: down, column: target.x)
      consider(lineStart, lineStart.length)
      let prefix = 1 + Self.verticalLength(down)
      if target.x < bestLength - prefix, let cells = rewriteBytes(target.y, 0..<target.x) {
        consider(.lineStartRewrite(down: down, cells: target.x), prefix + cells)
      }
    } else if right < bestLength, let cells = rewriteBytes(target.y, cursor.x..<target.x) {
      consider(.rewrite(cells: right), cells)
    }
    return best
  }

  /// The bytes of the move's escape part (a rewrite's cells not counted).
  var length: Int {
    switch self {
    case .stay, .rewrite: return 0
    case .absolute(let row, let column):
      if row == 0 && column == 0 { return 3 }
      return column == 0 ? 3 + FrameBytes.digits(row + 1) : 4 + FrameBytes.digits(row + 1) + FrameBytes.digits(column + 1)
    case .relative(let down, let right):
      let vertical = down == 0 ? 0 : Self.csiLength(abs(down))
      let horizontal = right == 0 ? 0 : right > 0 ? Self.csiLength(right) : min(-right, Self.csiLength(-right))
      return vertical + horizontal
    case .lineStart(let down, let column):
      return 1 + Self.verticalLength(down) + (column == 0 ? 0 : Self.csiLength(column))
    case .lineStartRewrite(let down, _):
      return 1 + Self.verticalLength(down)
    }
  }

  /// Appends the move's escape part.
  func append(to bytes: inout [UInt8]) {
    switch self {
    case .stay, .rewrite:
      return
    case .absolute(let row, let column):
      bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
      if row != 0 || column != 0 { FrameBytes.appendDecimal(row + 1, to: &bytes) }
      if column != 0 {
        bytes.append(UInt8(ascii: ";"))
        FrameBytes.appendDecimal(column + 1, to: &bytes)
      }
      bytes.append(UInt8(ascii: "H"))
    case .relative(let down, let right):
      if down > 0 { Self.appendCSI(down, UInt8(ascii: "B"), to: &bytes) }
      if down < 0 { Self.appendCSI(-down, UInt8(ascii: "A"), to: &bytes) }
      if right > 0 {
        Self.appendCSI(right, UInt8(ascii: "C"), to: &bytes)
      } else if right < 0 {
        if -right <= Self.csiLength(-right) {
          bytes.append(contentsOf: repeatElement(0x08, count: -right))
        } else {
          Self.appendCSI(-right, UInt8(ascii: "D"), to: &bytes)
        }
      }
    case .lineStart(let down, let column):
      Self.appendLineStart(down, to: &bytes)
      if column > 0 { Self.appendCSI(column, UInt8(ascii: "C"), to: &bytes) }
    case .lineStartRewrite(let down, _):
      Self.appendLineStart(down, to: &bytes)
    }
  }

  /// `ESC[nX`, without the n when it is 1.
  private static func csiLength(_ count: Int) -> Int { count == 1 ? 3 : 3 + FrameBytes.digits(count) }

  private static func appendCSI(_ count: Int, _ final: UInt8, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
    if count != 1 { FrameBytes.appendDecimal(count, to: &bytes) }
    bytes.append(final)
  }

  /// `rows` rows down from the first column (LF each, or CUD when
  /// shorter), or up (CUU).
  private static func verticalLength(_ rows: Int) -> Int {
    rows == 0 ? 0 : rows > 0 ? min(rows, csiLength(rows)) : csiLength(-rows)
  }

  private static func appendLineStart(_ rows: Int, to bytes: inout [UInt8]) {
    bytes.append(0x0D)
    if rows < 0 {
      appendCSI(-rows, UInt8(ascii: "A"), to: &bytes)
    } else if rows <= csiLength(max(rows, 1)) {
      bytes.append(contentsOf: repeatElement(0x0A, count: rows))
    } else {
      appendCSI(rows, UInt8(ascii: "B"), to: &bytes)
    }
  }
}
