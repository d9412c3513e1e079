import Foundation
import Rendering
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif
import ViewModel
import Exports

/// Counts elements by name and collects the text of <text> elements.
final class SVGSummary: NSObject, XMLParserDelegate {
  var counts: [String: Int] = [:]
  var classes: [String: Int] = [:]
  var texts: [String] = []
  private var inText = false

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    counts[name, default: 0] += 1
    if let cls = attributes["class"] { classes[cls, default: 0] += 1 }
    if name == "text" {
      inText = true
      texts.append("")
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { texts[texts.count - 1] += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "text" { inText = false }
  }
}

@Suite struct SVGExportTests {
  func summary(of svg: String) throws -> SVGSummary {
    let parser = XMLParser(data: Data(svg.utf8))
    let summary = SVGSummary()
    parser.delegate = summary
    let parsed = parser.parse()
    #expect(parsed, "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
    return summary
  }

  @Test func theSVGParsesAsXMLAndHoldsOnePolylinePerRun() throws {
    var view = FrameFixture.view
    view.contours = 6
    let svg = SVGExporter(content: FrameFixture.content, view: view, resolution: 40).render()
    let summary = try summary(of: svg)
    #expect(summary.counts["svg"] == 1)
    #expect(summary.counts["polyline"] == FrameFixture.content.runs.count)
    #expect(summary.classes["trajectory"] == 2)
    #expect(summary.classes["particle"] == 21)
    #expect(summary.classes["best"] == 2 && summary.classes["minimizer"] == 1)
    #expect((summary.classes["contour"] ?? 0) >= 3)
    #expect((summary.counts["rect"] ?? 0) > 40, "the heat map is a raster of rectangles")
  }

  @Test func theLegendNamesTheRunsAndTheColourBarCarriesItsValues() throws {
    let svg = SVGExporter(content: FrameFixture.content, view: FrameFixture.view, resolution: 40).render()
    let texts = try summary(of: svg).texts
    #expect(texts.contains("annealing") && texts.contains("pso"))
    #expect(texts.contains { $0.hasPrefix("Rosenbrock") })
    #expect(texts.contains("loss (log scale)"))
    // Five labels on the bar, the highest being the largest sample.
    let numbers = texts.compactMap { Double($0) }
    #expect(numbers.count >= 5)
  }

  @Test func textIsEscapedSoThatAnyNameStaysValidXML() throws {
    var content = FrameFixture.content
    content.runs[0].layer.name = "a<b & \"c\""
    content.landscape.title = "x < y && y > 0"
    let svg = SVGExporter(content: content, view: FrameFixture.view, resolution: 20).render()
    let texts = try summary(of: svg).texts
    #expect(texts.contains("a<b & \"c\""))
  }
}
