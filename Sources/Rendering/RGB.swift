/// A colour as 8-bit red, green and blue.
///
/// Everything the renderer draws is RGB; quantisation to what a terminal can
/// show happens once, at the edge (`ColourDepth`).
public struct RGB: Sendable, Hashable, Codable {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// From components in [0, 1], clamped.
  public init(unit red: Double, _ green: Double, _ blue: Double) {
    func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
    self.init(byte(red), byte(green), byte(blue))
  }

  /// `#rrggbb`.
  public var hex: String {
    let digits = Array("0123456789abcdef")
    return "#" + [red, green, blue].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
  }

  /// The straight mix (1 − t)·self + t·other.
  public func mixed(with other: RGB, _ t: Double) -> RGB {
    func lerp(_ a: UInt8, _ b: UInt8) -> Double { (Double(a) + (Double(b) - Double(a)) * t) / 255 }
    return RGB(unit: lerp(red, other.red), lerp(green, other.green), lerp(blue, other.blue))
  }

  /// The mix (256 − w)·self + w·other in integer arithmetic, w ∈ 0…256:
  /// what the inner drawing loops use.
  @inlinable public func blended(with other: RGB, weight w: Int) -> RGB {
    func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Int(a) * (256 - w) + Int(b) * w + 128) >> 8) }
    return RGB(mix(red, other.red), mix(green, other.green), mix(blue, other.blue))
  }

  /// Relative luminance (Rec. 709 weights on the sRGB bytes, no gamma):
  /// enough to choose black or white text over a colour.
  public var luminance: Double {
    (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
  }
}
