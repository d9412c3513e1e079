#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Formats a number compactly for messages and tables: up to 6 significant
/// digits, scientific notation outside [1e-4, 1e6).
public func formatNumber(_ value: Double, significantDigits: Int = 6) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  if value == 0 { return "0" }
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  let magnitude = abs(value)
  let format = (magnitude >= 1e-4 && magnitude < 1e6) ? "g" : "e"
  var text = cFormat("%.\(significantDigits)\(format == "g" ? "g" : "e")", value)
  if format == "e" {
    // 1.500000e-05 → 1.5e-05
    if let e = text.firstIndex(of: "e") {
      var mantissa = String(text[..<e])
      if mantissa.contains(".") {
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
      }
      text = mantissa + text[e...]
    }
  }
  return text
}

/// The number as files write it (scenes, CSV, JSON): the shortest text
/// that reads back as exactly this Double (Swift's `description`), a whole
/// number without its `.0`. That is the form Foundation's JSONEncoder
/// writes, so a number reads the same in every file optiscope writes; -0
/// keeps its sign. NaN and the infinities come out as `nan`, `inf` and
/// `-inf`; a format with its own spelling for them writes that instead.
public func exactNumber(_ value: Double) -> String {
  let text = value.description
  return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

/// The number in full precision, as C's `%.17g` prints it: the text reads
/// back to the same Double.
public func formatFullPrecision(_ value: Double) -> String { cFormat("%.17g", value) }

/// printf-style formatting of one Double, without Foundation.
func cFormat(_ format: String, _ value: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  let count = format.withCString { formatPointer in
    withVaList([value]) { vsnprintf(&buffer, 64, formatPointer, $0) }
  }
  return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
