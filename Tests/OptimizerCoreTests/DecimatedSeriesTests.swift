import OptimizerCore
import Testing

/// The decimated series keeps a whole run's course in a bounded number of
/// evenly spaced values.
@Suite struct DecimatedSeriesTests {
  @Test func itKeepsEveryValueUntilFullThenEvenlySpacedOnesFromTheFirst() {
    var series = DecimatedSeries(capacity: 8)
    for k in 0..<8 { series.append(Double(k)) }
    #expect(series.values == [0, 1, 2, 3, 4, 5, 6, 7])
    for k in 8..<100 { series.append(Double(k)) }
    #expect(series.values.count <= 8 && series.values.count >= 4)
    #expect(series.values.first == 0)
    let gaps = Set(zip(series.values, series.values.dropFirst()).map { $1 - $0 })
    #expect(gaps == [Double(series.stride)])
    #expect(Double(series.stride) * Double(series.values.count) > 50, "it spans the run")
  }
}
