import Rendering
import Testing
import ViewModel

@Suite struct QuantisationTests {
  @Test(arguments: [
    (RGB(255, 0, 0), 196), (RGB(128, 128, 128), 244), (RGB(0, 0, 0), 16),
    (RGB(255, 255, 255), 231), (RGB(0, 255, 0), 46), (RGB(0, 0, 255), 21),
    (RGB(95, 135, 175), 67), (RGB(8, 8, 8), 232), (RGB(238, 238, 238), 255),
    (RGB(100, 100, 100), 241),
  ])
  func knownColoursQuantiseToKnownXtermIndices(colour: RGB, index: Int) {
    #expect(Int(XtermPalette.index256(colour)) == index)
  }

  @Test func everyPaletteEntryQuantisesToAnEntryOfTheSameColour() {
    for index in 16...255 {
      let colour = XtermPalette.colour(ofIndex: index)
      #expect(XtermPalette.colour(ofIndex: Int(XtermPalette.index256(colour))) == colour)
    }
  }

  @Test func sixteenAndEightColourFallbacksPickTheNearestAnsiColour() {
    #expect(XtermPalette.index16(RGB(250, 10, 10)) == 9)
    #expect(XtermPalette.index8(RGB(250, 10, 10)) == 1)
    #expect(XtermPalette.index16(RGB(250, 250, 250)) == 15)
    #expect(XtermPalette.index8(RGB(250, 250, 250)) == 7)
    #expect(ColourDepth.monochrome.quantise(RGB(1, 2, 3)) == .none)
    #expect(ColourDepth.trueColour.quantise(RGB(1, 2, 3)) == .rgb(RGB(1, 2, 3)))
  }
}

@Suite struct DisplayProfileTests {
  @Test func noColorWinsOverAnyPalette() {
    let profile = DisplayProfile.detect(colours: 256, canChangePalette: true, isUTF8: true, noColor: true)
    #expect(profile == DisplayProfile(colourDepth: .monochrome, glyphs: .unicode))
  }

  @Test func theDepthFollowsTheReportedColours() {
    func depth(_ colours: Int, _ canChange: Bool = false) -> ColourDepth {
      DisplayProfile.detect(colours: colours, canChangePalette: canChange, isUTF8: true, noColor: false).colourDepth
    }
    #expect(depth(256, true) == .trueColour)
    #expect(depth(256) == .palette256)
    #expect(depth(88) == .palette16)
    #expect(depth(8) == .palette8)
    #expect(depth(2) == .monochrome)
  }

  @Test func aLocaleThatIsNotUTF8GetsAsciiGlyphs() {
    #expect(DisplayProfile.detect(colours: 256, canChangePalette: false, isUTF8: false, noColor: false).glyphs == .ascii)
    #expect(DisplayProfile.localeIsUTF8(["LANG": "en_US.UTF-8"]))
    #expect(!DisplayProfile.localeIsUTF8(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
    #expect(DisplayProfile.localeIsUTF8(["LC_CTYPE": "C.utf8"]))
    #expect(DisplayProfile.noColorRequested(["NO_COLOR": "1"]))
    #expect(!DisplayProfile.noColorRequested(["NO_COLOR": ""]))
  }
}

@Suite struct ColourMapTests {
  @Test func viridisRunsFromDarkPurpleToYellowThroughTeal() {
    let map = ColourMap.viridis
    #expect(map.colour(at: 0) == RGB(68, 1, 84))
    #expect(map.colour(at: 1) == RGB(253, 231, 37))
    let middle = map.colour(at: 0.5)
    #expect(middle.green > middle.red && middle.blue > middle.red)
  }

  @Test func perceptualMapsGrowInLuminance() {
    for map in [ColourMap.viridis, .magma, .inferno, .cividis, .grayscale] {
      let luminances = stride(from: 0.0, through: 1.0, by: 0.1).map { map.colour(at: $0).luminance }
      #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 < $1 }, "\(map.id)")
    }
  }

  @Test func theDivergingMapIsBlueBelowAndRedAbove() {
    let low = ColourMap.coolwarm.colour(at: 0), high = ColourMap.coolwarm.colour(at: 1)
    #expect(low.blue > low.red && high.red > high.blue)
  }

  @Test func mapsAreFoundByName() {
    #expect(ColourMapName(typed: "Magma") == .magma)
    #expect(ColourMapName(typed: "jet") == nil)
    #expect(ColourMapName.allCases.allSatisfy { ColourMap($0).id == $0.rawValue })
  }
}
