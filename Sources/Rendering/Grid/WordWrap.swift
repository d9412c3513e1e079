/// Text broken at spaces into lines of at most `width` display columns; a
/// word longer than a line is left for the drawing to cut.
public func wordWrap(_ text: String, width: Int) -> [String] {
  var lines: [String] = [], line = ""
  for word in text.split(separator: " ") {
    if !line.isEmpty, DisplayWidth.columns(of: line) + 1 + DisplayWidth.columns(of: word) > width {
      lines.append(line)
      line = ""
    }
    line += (line.isEmpty ? "" : " ") + word
  }
  if !line.isEmpty { lines.append(line) }
  return lines
}
