import Foundation
import OptimizerCore
import Testing

/// Files write numbers in one form: the shortest text that reads back bit
/// for bit, whole numbers without `.0`, which is also how JSONEncoder
/// writes them.
@Suite struct ExactNumberTests {
  static let values: [Double] = [
    0, -0.0, 1, -3, 0.1, 0.1 + 0.2, 1e-7, 2.5e-5, 1e300, -1e-300, 5e-324, 1e15, 1e16, 9_007_199_254_740_993,
    123_456_789.125, .pi, .greatestFiniteMagnitude, .leastNormalMagnitude,
  ]

  @Test func numbersReadBackBitForBit() {
    for value in Self.values {
      #expect(Double(exactNumber(value))?.bitPattern == value.bitPattern, "\(value)")
    }
  }

  @Test func wholeNumbersHaveNoFraction() {
    #expect(exactNumber(2) == "2" && exactNumber(-0.0) == "-0" && exactNumber(0.5) == "0.5")
    #expect(exactNumber(1e16) == "1e+16" && exactNumber(1e-7) == "1e-07")
  }

  @Test func jsonEncoderWritesTheSameText() throws {
    let json = String(decoding: try JSONEncoder().encode(Self.values), as: UTF8.self)
    #expect(json == "[" + Self.values.map(exactNumber).joined(separator: ",") + "]")
  }
}
