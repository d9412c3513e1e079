import CNcurses
import Testing
import Visualizer

@testable import Terminal

@Suite struct InputDecoderTests {
  @Test(arguments: [
    (UInt32(10), Key.enter), (13, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
    (1, .control("a")), (3, .control("c")), (26, .control("z")),
    (32, .character(" ")), (0x71, .character("q")), (0x52, .character("R")), (0x2E, .character(".")),
    (0xE9, .character("é")), (0x2192, .character("→")),
  ])
  func charactersNameTheirKeys(code: UInt32, key: Key) {
    var decoder = InputDecoder()
    #expect(decoder.decode(.character(code)) == .key(key))
  }

  @Test(arguments: [UInt32(0), 28, 31, 0xD800])
  func controlCharactersWithoutAKeyAndInvalidScalarsAreDropped(code: UInt32) {
    var decoder = InputDecoder()
    #expect(decoder.decode(.character(code)) == nil)
  }

  @Test(arguments: [
    (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
    (KEY_SR, .shiftUp), (KEY_SF, .shiftDown), (KEY_SLEFT, .shiftLeft), (KEY_SRIGHT, .shiftRight),
    (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
    (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
    (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
  ])
  func keyCodesNameTheirKeys(code: Int32, key: Key) {
    var decoder = InputDecoder()
    #expect(decoder.decode(.key(code)) == .key(key))
  }

  @Test func keysNumberedAtRunTimeComeFromTheTerminfoLookup() {
    var decoder = InputDecoder(extendedKeys: [KEY_MAX + 7: .shiftUp])
    #expect(decoder.decode(.key(KEY_MAX + 7)) == .key(.shiftUp))
    #expect(decoder.decode(.key(KEY_MAX + 8)) == nil)
    #expect(decoder.decode(.key(KEY_F0 + 13)) == nil)
  }

  @Test func aResizeCarriesTheNewSize() {
    var decoder = InputDecoder()
    #expect(decoder.decode(.resize(width: 80, height: 24)) == .resize(width: 80, height: 24))
  }

  private func state(_ masks: mmask_t...) -> UInt { UInt(masks.reduce(0, |)) }

  @Test func buttonsPressAndReleaseAtTheirCell() {
    var decoder = InputDecoder()
    #expect(
      decoder.decode(.mouse(column: 9, row: 4, state: state(optiscope_button_pressed(1))))
        == .mouse(MouseEvent(column: 9, row: 4, button: .left, kind: .press)))
    #expect(
      decoder.decode(.mouse(column: 9, row: 4, state: state(optiscope_button_released(1))))
        == .mouse(MouseEvent(column: 9, row: 4, button: .left, kind: .release)))
    #expect(
      decoder.decode(.mouse(column: 1, row: 2, state: state(optiscope_button_pressed(3))))
        == .mouse(MouseEvent(column: 1, row: 2, button: .right, kind: .press)))
    #expect(
      decoder.decode(.mouse(column: 1, row: 2, state: state(optiscope_button_pressed(2))))
        == .mouse(MouseEvent(column: 1, row: 2, button: .middle, kind: .press)))
  }

  @Test func theWheelIsButtonsFourAndFive() {
    var decoder = InputDecoder()
    #expect(
      decoder.decode(.mouse(column: 3, row: 3, state: state(optiscope_button_pressed(4))))
        == .mouse(MouseEvent(column: 3, row: 3, button: .wheelUp)))
    #expect(
      decoder.decode(.mouse(column: 3, row: 3, state: state(optiscope_button_pressed(5))))
        == .mouse(MouseEvent(column: 3, row: 3, button: .wheelDown)))
  }

  @Test func motionDragsTheHeldButtonAndNothingOnceReleased() {
    var decoder = InputDecoder()
    let motion = RawInput.mouse(column: 12, row: 6, state: state(optiscope_report_mouse_position()))
    #expect(decoder.decode(motion) == nil)
    _ = decoder.decode(.mouse(column: 10, row: 5, state: state(optiscope_button_pressed(1))))
    #expect(decoder.decode(motion) == .mouse(MouseEvent(column: 12, row: 6, button: .left, kind: .drag)))
    _ = decoder.decode(.mouse(column: 12, row: 6, state: state(optiscope_button_released(1))))
    #expect(decoder.decode(motion) == nil)
  }

  @Test func shiftIsReportedWithTheButton() {
    var decoder = InputDecoder()
    let event = decoder.decode(
      .mouse(column: 7, row: 7, state: state(optiscope_button_pressed(1), optiscope_button_shift())))
    #expect(event == .mouse(MouseEvent(column: 7, row: 7, button: .left, kind: .press, shift: true)))
  }
}
