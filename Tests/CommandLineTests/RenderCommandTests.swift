import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `optiscope render`: text, ANSI and SVG frames after N steps.
@Suite struct RenderCommandTests {
  @Test func textHasTheRequestedSizeAndNoEscapes() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "himmelblau", "-o", "pso", "--steps", "10", "--size", "100x30"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30)
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(!outcome.stdout.contains("\u{1B}"))
    #expect(outcome.stdout.contains("pso"))
  }

  @Test func ansiUses256ColourHalfBlocks() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "rosenbrock", "-o", "adam", "--steps", "5", "--format", "ansi"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("▀"))
    #expect(outcome.stdout.contains("\u{1B}[") && outcome.stdout.contains("38;5;") && outcome.stdout.contains("48;5;"))
  }

  @Test func svgIsXMLWithAPolylinePerRun() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-render-\(getpid()).svg")
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = try OptiscopeProcess.run([
      "render", "-l", "booth", "-o", "spsa", "--steps", "50", "--format", "svg", "--output", file.path,
    ])
    #expect(outcome.status == 0)
    let data = try Data(contentsOf: file)
    final class Counter: NSObject, XMLParserDelegate {
      var polylines = 0, paths = 0
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "polyline" { polylines += 1 }
        if name == "path" && attributes["class"] == "contour" { paths += 1 }
      }
    }
    let parser = XMLParser(data: data)
    let counter = Counter()
    parser.delegate = counter
    #expect(parser.parse(), "the SVG is not well-formed XML")
    #expect(counter.polylines == 1)
    #expect(counter.paths > 0, "no contour lines")
  }

  @Test func aBadSizeIsAClearError() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "sphere", "--size", "wide"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("'wide'") && outcome.stderr.contains("--size <WxH>"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }
}
