import Foundation
import OptimizerCore

/// A plain-text table with aligned columns: numbers right-aligned, text left.
/// Cells quote titles and names from files, so their control characters
/// show escaped (`\u{1B}`), and columns align on what is shown.
struct TextTable {
  private(set) var header: [String]
  private(set) var rows: [[String]] = []

  init(_ header: [String]) { self.header = header.map { $0.escapingControlCharacters() } }

  mutating func append(_ row: [String]) { rows.append(row.map { $0.escapingControlCharacters() }) }

  /// Column widths from the widest cell; a rule under the header.
  func rendered() -> String {
    let widths = header.indices.map { column in
      ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
        return Self.isNumeric(cell) ? padding + cell : cell + padding
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }

  /// GitHub-flavoured Markdown.
  func markdown() -> String {
    let head = "| " + header.joined(separator: " | ") + " |"
    let rule = "|" + header.map { _ in "---|" }.joined()
    return ([head, rule] + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
  }

  /// Comma-separated values, quoting cells that need it.
  func csv() -> String {
    ([header] + rows).map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\n")
  }

  static func csvCell(_ cell: String) -> String {
    // By bytes: the cells of a long trajectory are numbers, read fast.
    guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") })
    else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func isNumeric(_ cell: String) -> Bool {
    !cell.isEmpty && (Double(cell) != nil || cell == "nan" || cell == "inf" || cell == "-inf" || cell.hasSuffix("%") && Double(cell.dropLast()) != nil)
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
