import Foundation
import Rendering
import Scenes
import Testing
import Exports

@Suite("An asciicast is JSON lines that redraw only what changed")
struct AsciicastTests {
  @Test("every line is one JSON value that reads back as written, control characters and all")
  func linesAreJSON() throws {
    let text = "a\"b\\c/d\u{1B}[0m\n\t\r\u{7}\u{7F}\u{2028}é▀"
    var cast = Asciicast(width: 1, height: 1, title: text)
    cast.add(screen: "\u{1B}[0;31mx\u{1B}[0m", at: 1 / 3)
    let lines = cast.finished.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(!cast.finished.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters are escaped")
    let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["title"] as? String == text)
    let event = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [Any])
    #expect(event[0] as? Double == 0.333333, "times to the microsecond")
    #expect(event[1] as? String == "o" && event[2] as? String == "\u{1B}[?25l\u{1B}[2J\u{1B}[1;1H\u{1B}[0;31mx\u{1B}[0m")
  }

  @Test("the first frame draws everything; later frames only the changed cells, at their place")
  func frames() throws {
    var cast = Asciicast(width: 4, height: 2, title: "t")
    let red = "\u{1B}[0;31m", blue = "\u{1B}[0;34m", reset = "\u{1B}[0m"
    cast.add(screen: "\(red)abcd\(reset)\n\(red)efgh\(reset)\n", at: 0)
    cast.add(screen: "\(red)abcd\(reset)\n\(red)ef\(blue)X\(red)h\(reset)\n", at: 0.5)
    cast.add(screen: "\(red)abcd\(reset)\n\(red)ef\(blue)X\(red)h\(reset)\n", at: 1)
    let lines = cast.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0] == #"{"height":2,"title":"t","version":2,"width":4}"#)
    let events = try lines.dropFirst().map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
    #expect(events.map { $0[0] as? Double } == [0, 0.5, 1])
    #expect(events[0][2] as? String == "\u{1B}[?25l\u{1B}[2J\u{1B}[1;1H\(red)abcd\u{1B}[2;1H\(red)efgh\(reset)")
    #expect(events[1][2] as? String == "\u{1B}[2;3H\(blue)X\(reset)")
    #expect(events[2][2] as? String == "", "nothing changed")
  }
}
