import Foundation

/// A JSON string literal: quotes and backslashes escaped, control
/// characters (ESC among them) and DEL as `\u00XX`, everything else as is
/// (JSON is UTF-8). Shared by the command line's JSON output and the
/// asciicast writer, whose frames are full of escape sequences.
public func jsonQuoted(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      result += "\\u" + String(format: "%04x", scalar.value)
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
