/// Decimal numbers as the bytes of escape sequences, without going
/// through `String`.
enum FrameBytes {
  /// How many digits `value` (≥ 0) has.
  @inline(__always) static func digits(_ value: Int) -> Int {
    var count = 1, rest = value
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  /// Appends `value` (≥ 0) in decimal.
  @inline(__always) static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 10 {
      bytes.append(UInt8(48 + value))
      return
    }
    var divisor = 1
    while divisor * 10 <= value { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(48 + rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}

extension FrameBytes {
  /// The bytes of `scalar` in UTF-8.
  @inline(__always) static func utf8Length(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    return value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
  }

  /// Appends `scalar` in UTF-8.
  @inline(__always) static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    if value < 0x80 {
      bytes.append(UInt8(value))
    } else if value < 0x800 {
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    } else if value < 0x10000 {
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    } else {
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
