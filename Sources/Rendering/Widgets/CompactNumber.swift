import OptimizerCore

/// A number in few columns for labels: 3 significant digits and a short
/// exponent, `1.46e3`, `2.5e-5`, `14.6`, `0.0334`.
public func compactNumber(_ value: Double) -> String {
  var text = formatNumber(value, significantDigits: 3)
  if let e = text.firstIndex(of: "e") {
    var exponent = String(text[text.index(after: e)...])
    let negative = exponent.hasPrefix("-")
    exponent.removeAll { $0 == "+" || $0 == "-" }
    while exponent.hasPrefix("0") && exponent.count > 1 { exponent.removeFirst() }
    text = String(text[..<e]) + "e" + (negative ? "-" : "") + exponent
  }
  return text
}
