#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OptimizerCore

/// A one-row gauge: a label, a bar filled in eighths of a cell, and the
/// value: `T   ▕███▌    ▏ 0.35`.
public enum Gauge {
  static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// The fraction of the bar to fill: (v − a)/(b − a), or the same with
  /// log₁₀ of each when the gauge is logarithmic; clamped to [0, 1].
  public static func fraction(_ value: Double, range: ClosedRange<Double>, logarithmic: Bool) -> Double {
    guard value.isFinite else { return 0 }
    var (v, a, b) = (value, range.lowerBound, range.upperBound)
    if logarithmic {
      guard a > 0, v > 0 else { return 0 }
      (v, a, b) = (log10(v), log10(a), log10(b))
    }
    guard b > a else { return 1 }
    return min(max((v - a) / (b - a), 0), 1)
  }

  /// The columns kept for the value, the longest `compactNumber` gives
  /// (`-1.23e-10`): the bar's width does not change with the value.
  public static let valueWidth = 9

  /// The rows a gauge takes: one, and a second for the ends of a
  /// logarithmic range when they are labelled.
  public static func height(range: ClosedRange<Double>?, logarithmic: Bool, labelsEnds: Bool) -> Int {
    labelsEnds && logarithmic && range != nil ? 2 : 1
  }

  /// Draws the gauge on the first row of `rect`: `labelWidth` columns of
  /// label, the bar (always as wide for a given rect), then the value.
  /// Without a range the bar is left out and the value follows the label.
  /// With `labelsEnds`, a logarithmic gauge labels its range's ends on the
  /// second row, under the ends of the bar (a temperature's T₀ on the right).
  public static func draw(
    label: String, value: Double, range: ClosedRange<Double>?, logarithmic: Bool = false,
    into grid: inout CellGrid, rect: Rect, labelWidth: Int = 8, colour: RGB = RGB(120, 200, 255),
    labelsEnds: Bool = false
  ) {
    guard !rect.isEmpty else { return }
    let dim = CellStyle(foreground: RGB(150, 150, 150))
    grid.text(label, x: rect.x, y: rect.y, maxWidth: labelWidth - 1, style: dim)
    let valueText = compactNumber(value)
    let barWidth = rect.width - labelWidth - Self.valueWidth - 3
    var x = rect.x + labelWidth
    if let range, logarithmic, labelsEnds, rect.height >= 2, barWidth >= 3 {
      let low = compactNumber(range.lowerBound), high = compactNumber(range.upperBound)
      grid.text(low, x: x, y: rect.y + 1, maxWidth: barWidth + 2, style: dim)
      grid.text(high, x: max(x + 2 + barWidth - high.count, x + low.count + 1), y: rect.y + 1, maxWidth: barWidth + 2, style: dim)
    }
    if let range, barWidth >= 3 {
      let filled = fraction(value, range: range, logarithmic: logarithmic) * Double(barWidth)
      grid.put("▕", x: x, y: rect.y, style: dim)
      for i in 0..<barWidth {
        let part = min(max(filled - Double(i), 0), 1)
        grid.put(eighths[Int((part * 8).rounded())], x: x + 1 + i, y: rect.y, style: CellStyle(foreground: colour))
      }
      grid.put("▏", x: x + 1 + barWidth, y: rect.y, style: dim)
      x += barWidth + 3
    }
    grid.text(valueText, x: x, y: rect.y, maxWidth: rect.maxX - x)
  }
}
