import Engine
import Exports
import Foundation
import OptimizerCore
import Testing

/// A sweep's values, its records through CSV and JSON, its summaries and
/// its plot.
@Suite struct BenchSweepTests {
  @Test func linearValuesAreEvenlySpacedAndRoundToTheirDecimals() {
    let sweep = BenchSweep(key: "omega", low: 0.1, high: 0.9, count: 9)
    #expect(sweep.values(for: .real) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    #expect(BenchSweep(key: "c1", low: -1, high: 1, count: 5).values(for: .real) == [-1, -0.5, 0, 0.5, 1])
  }

  @Test func logValuesAreEvenlySpacedInLog() {
    let sweep = BenchSweep(key: "t0", low: 0.001, high: 1, count: 4, logarithmic: true)
    #expect(sweep.values(for: .real) == [0.001, 0.01, 0.1, 1])
    let ratios = BenchSweep(key: "t0", low: 2, high: 512, count: 5, logarithmic: true).values(for: .real)
    #expect(ratios == [2, 8, 32, 128, 512])
  }

  @Test func integerValuesRoundAndDropRepeats() {
    #expect(BenchSweep(key: "particles", low: 1, high: 3, count: 9).values(for: .integer) == [1, 2, 3])
    #expect(BenchSweep(key: "particles", low: 5, high: 50, count: 3, logarithmic: true).values(for: .integer) == [5, 16, 50])
    #expect(BenchSweep(key: "particles", low: 5, high: 50, count: 3, logarithmic: true).values(for: .real)[1] != 16)
  }

  @Test(arguments: [
    (BenchSweep(key: "k", low: 2, high: 1), "LOW (2) must be below HIGH (1)"),
    (BenchSweep(key: "k", low: 1, high: 1), "LOW (1) must be below HIGH (1)"),
    (BenchSweep(key: "k", low: 0, high: 1, count: 1), "N must be at least 2, got 1"),
    (BenchSweep(key: "k", low: 0, high: 1, count: 5000), "N must be at most 1000, got 5000"),
    (BenchSweep(key: "k", low: 0, high: 1, logarithmic: true), "a log sweep needs LOW > 0, got 0"),
    (BenchSweep(key: "k", low: -.infinity, high: 1), "LOW and HIGH must be finite numbers"),
  ])
  func aBadSweepSaysWhatIsWrong(sweep: BenchSweep, problem: String) {
    #expect(sweep.problem == problem)
  }

  @Test func aGoodSweepHasNoProblemAndReadsAsTyped() {
    let sweep = BenchSweep(optimizer: "pso", key: "omega", low: 0.2, high: 1, count: 5, logarithmic: true)
    #expect(sweep.problem == nil)
    #expect(sweep.text == "pso:omega=0.2..1:5:log")
    #expect(BenchSweep(key: "omega", low: 0.1, high: 1).text == "omega=0.1..1", "the default count goes without saying")
  }

  @Test func sweptValuesRoundTripThroughTheirText() {
    for value in [SweptValue(key: "lr", value: 0.001, logarithmic: true), SweptValue(key: "omega", value: -0.25, logarithmic: false)] {
      #expect(SweptValue(text: value.text) == value)
    }
    #expect(SweptValue(text: "omega") == nil)
    #expect(SweptValue(text: "=3") == nil)
  }

  /// pso at two values of omega and cma-es, which no sweep reaches.
  let plan = BenchPlan(
    entries: [0.3, 0.9].map { omega in
      BenchPlan.Entry(
        label: "pso", configuration: OptimizerConfiguration("pso", settings: [("omega", omega)]),
        sweep: [SweptValue(key: "omega", value: omega, logarithmic: false)])
    } + [BenchPlan.Entry(label: "cma-es", configuration: OptimizerConfiguration("cma-es"), sweep: [])],
    landscapes: [.named("sphere"), .named("booth")], seeds: 2, evaluations: 120)

  @Test func aSweepsJobsAndRecordsCarryTheirValues() throws {
    #expect(plan.isSweep && plan.jobCount == 2 * 3 * 2)
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    #expect(records.map { $0.sweep?.first?.value } == plan.jobs.map { $0.sweep?.first?.value })
    #expect(records[0].sweep == [SweptValue(key: "omega", value: 0.3, logarithmic: false)])
    #expect(records[4].sweep == [])
    let summaries = BenchSummary.summarize(records)
    #expect(summaries.count == 6, "2 landscapes × (2 values of pso + cma-es)")
    #expect(summaries.map { $0.sweep?.first?.value } == [0.3, 0.9, nil, 0.3, 0.9, nil])
    #expect(summaries.allSatisfy { $0.runs == 2 })
    let plain = BenchPlan(optimizers: [("pso", OptimizerConfiguration("pso"))], landscapes: [.named("sphere")], seeds: 1, evaluations: 50)
    #expect(!plain.isSweep && plain.jobs.allSatisfy { $0.sweep == nil })
  }

  @Test func aSweepsRecordsRoundTripThroughCSVWithTheirValues() throws {
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    let text = BenchRecordCSV.write(records)
    #expect(text.hasPrefix(BenchRecordCSV.sweepHeader.joined(separator: ",") + "\n"))
    #expect(try BenchRecordCSV.read(text, file: "sweep.csv") == records)
    let plain = records.map { record in
      var copy = record
      copy.sweep = nil
      return copy
    }
    let plainText = BenchRecordCSV.write(plain)
    #expect(plainText.hasPrefix(BenchRecordCSV.header.joined(separator: ",") + "\n"))
    #expect(try BenchRecordCSV.read(plainText, file: "plain.csv") == plain)
  }

  @Test func recordsRoundTripThroughJSONBitForBit() throws {
    var records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    // Numbers JSON has no form for, and a landscape without a known minimum.
    records[0].curve[0] = .infinity
    records[1].bestLoss = -.infinity
    records[2].minimum = nil
    records[2].evaluationsToSuccess = nil
    let text = BenchRecordJSON.write(records)
    #expect(BenchRecordJSON.isJSON(text) && !BenchRecordJSON.isJSON(BenchRecordCSV.write(records)))
    #expect(text.split(separator: "\n").count == records.count + 2, "one run per line between [ and ]")
    let read = try BenchRecordJSON.read(text, file: "shard.json")
    #expect(read == records)
    #expect(read[0].curve[0] == .infinity && read[1].bestLoss == -.infinity && read[2].minimum == nil)
  }

  @Test func aBrokenShardJSONNamesTheLineAndTheField() throws {
    let records = try BenchRunner.run(Array(plan.jobs.prefix(2)), evaluations: plan.evaluations)
    let broken = BenchRecordJSON.write(records).replacingOccurrences(of: "\"seed\":2", with: "\"seed\":\"two\"")
    #expect {
      try BenchRecordJSON.read(broken, file: "shard-3.json")
    } throws: { error in
      "\(error)".hasPrefix("shard-3.json:3: bad seed")
    }
    #expect {
      try BenchRecordJSON.read("[\n" + BenchRecordJSON.line(records[0]) + "\n", file: "cut.json")
    } throws: { error in
      "\(error)" == "cut.json:3: the closing ']' is missing"
    }
  }

  @Test func thePlotHasAPanelPerLandscapeACurvePerOptimizerAndADashedBaseline() throws {
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    let svg = SensitivityPlot.svg(BenchSummary.summarize(records))
    #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2, "pso on each landscape")
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4, "a marker per value")
    for name in ["sphere", "booth", "cma-es (not swept)"] { #expect(svg.contains(">\(name)</text>")) }
    #expect(svg.contains("stroke-dasharray"))
    #expect(svg.contains(">omega</text>") && !svg.contains("(log)"))
  }

  @Test func aSecondSweptKeyMakesACurvePerValueAndALogSweepALogAxis() throws {
    let entries = [0.01, 1].flatMap { vmax in
      [1.0, 3].map { particles in
        BenchPlan.Entry(
          label: "pso", configuration: OptimizerConfiguration("pso", settings: [("particles", particles)]),
          sweep: [SweptValue(key: "vmax", value: vmax, logarithmic: true), SweptValue(key: "particles", value: particles, logarithmic: false)])
      }
    }
    let plan = BenchPlan(entries: entries, landscapes: [.named("sphere")], seeds: 1, evaluations: 40)
    let svg = SensitivityPlot.svg(BenchSummary.summarize(try BenchRunner.run(plan.jobs, evaluations: 40)))
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(svg.contains(">pso particles=1</text>") && svg.contains(">pso particles=3</text>"))
    #expect(svg.contains(">vmax (log)</text>"))
  }
}
