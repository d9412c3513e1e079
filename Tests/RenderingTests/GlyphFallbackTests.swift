import Foundation
import OptimizerCore
import Testing

@testable import Rendering

/// Under a locale that is not UTF-8 every glyph on the screen has an ASCII
/// stand-in of its own, never the "?" of an unknown glyph.
@Suite struct GlyphFallbackTests {
  /// The targets whose text and glyphs reach the visualizer's screen: the
  /// painters, the screen and its questions, the view, the optimizers' and
  /// landscapes' help, and the errors of sessions and scenes.
  static let screenTargets = ["Rendering", "Visualizer", "ViewModel", "OptimizerCore", "Landscapes", "Engine", "Scenes"]

  /// Every non-ASCII glyph in the code of `screenTargets`, comments left
  /// out, with the first place it stands.
  static func sourceCharacters() throws -> [Character: String] {
    // Tests/RenderingTests/GlyphFallbackTests.swift → the checkout's root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var found: [Character: String] = [:]
    for target in screenTargets {
      let folder = root.appendingPathComponent("Sources/\(target)")
      let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
      for file in files where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
          guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
          let code = line.replacing(#/\s//\s.*$/#, with: "")
          // A cell keeps a character's first scalar (a combining mark goes).
          for character in code.map({ Character($0.unicodeScalars.first!) })
          where !character.isASCII && found[character] == nil {
            found[character] = "Sources/\(target)/\(file):\(number + 1)"
          }
        }
      }
    }
    return found
  }

  @Test func everyNonASCIICharacterInTheScreensCodeHasAStandIn() throws {
    let characters = try Self.sourceCharacters()
    #expect(characters.count > 50, "the scan found the sources")
    for (character, place) in characters.sorted(by: { $0.value < $1.value }) {
      #expect(GlyphFallback.covers(character), "'\(character)' (\(place)) has no ASCII stand-in")
    }
  }

  /// The painters' glyph tables and choosers, asked for every glyph they give.
  @Test func everyGlyphThePaintersChooseHasAStandIn() {
    var glyphs: [Character] = RunStyle.glyphs + [RunStyle.bestGlyph, LandscapeMarks.minimizerGlyph]
    glyphs += HeatMap.shadeRamp + Gauge.eighths
    glyphs += OverlayRole.allCases.map(OverlayPainter.glyph(of:))
    for degrees in stride(from: 0.0, to: 360, by: 15) {
      let (dx, dy) = (cos(degrees * .pi / 180), sin(degrees * .pi / 180))
      glyphs += [CellRaster.arrowGlyph(dx: dx, dy: dy), CellRaster.lineGlyph(dx: dx, dy: dy)]
    }
    for glyph in glyphs {
      #expect(GlyphFallback.covers(glyph), "'\(glyph)' has no ASCII stand-in")
      #expect(GlyphFallback.ascii(glyph).isASCII)
    }
  }

  @Test func standInsAreOneASCIICharacterAndBrailleIsDots() {
    for (glyph, standIn) in GlyphFallback.table {
      #expect(!glyph.isASCII && standIn.isASCII && standIn != "?", "'\(glyph)' → '\(standIn)'")
    }
    #expect(GlyphFallback.ascii("∈") == ":" && GlyphFallback.ascii("σ") == "s")
    #expect(GlyphFallback.ascii("\u{2800}") == " " && GlyphFallback.ascii("\u{28FF}") == ":")
    #expect(GlyphFallback.ascii("ש") == "?" && !GlyphFallback.covers("ש"))
  }
}
