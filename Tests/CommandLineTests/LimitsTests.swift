import Foundation
import Testing

/// Inputs that used to crash optiscope (a segfault, an 80 GB allocation,
/// an overflow trap) are one-line errors that state the limit.
@Suite struct LimitsTests {
  /// Runs the binary, expects a refusal and returns its one line.
  func refusal(_ arguments: [String], status: Int32 = 64, environment: [String: String] = [:]) throws -> String {
    let outcome = try OptiscopeProcess.run(arguments, environment: environment)
    #expect(outcome.status == status, "\(arguments): \(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.hasPrefix("optiscope: error: "))
    return outcome.stderr
  }

  @Test(arguments: [
    ["run", "-l", "sphere", "--dim", "9223372036854775807"],
    ["run", "-l", "sphere", "-o", "random-search", "--dim", "100000000000"],
    ["bench", "--dim", "9223372036854775807"],
  ])
  func aHugeDimensionStatesTheLimit(arguments: [String]) throws {
    let message = try refusal(arguments)
    #expect(message == "optiscope: error: --dim must be at most 1000000, got \(arguments.last!)\n")
  }

  @Test func aMatrixMethodStatesItsLowerLimit() throws {
    let message = try refusal(["run", "-l", "sphere", "--dim", "100000", "-o", "cma-es", "--steps", "1"])
    #expect(message == "optiscope: error: cma-es takes at most 10000 dimensions (it keeps an n×n matrix), not 100000\n")
  }

  @Test func aPopulationTooLargeForTheDimensionStatesTheLimit() throws {
    let message = try refusal(["run", "-l", "sphere", "--dim", "1000000", "-o", "pso", "--set", "particles=1000"])
    #expect(message.contains("valid range is [1, 100] (particles × dimension may be at most 100000000)"))
  }

  @Test(arguments: ["100000x100000", "4294967296x4294967296", "1001x10"])
  func aHugeFrameStatesTheLimit(size: String) throws {
    let message = try refusal(["render", "-l", "sphere", "--steps", "1", "--size", size])
    #expect(message == "optiscope: error: --size \(size): a frame is at most 1000x1000 cells\n")
  }

  @Test func anEmptyFrameSaysSizesArePositive() throws {
    let message = try refusal(["render", "-l", "sphere", "--steps", "1", "--size", "0x0"])
    #expect(message == "optiscope: error: --size 0x0: sizes must be positive\n")
  }

  @Test func aSceneWithTooManyStepsIsRefusedBeforeRecording() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write(
      "long.yaml", SceneFiles.himmelblau.replacingOccurrences(of: "steps: 25", with: "steps: 9223372036854775807"))
    let message = try refusal(["replay", path, "--headless", "--record"], status: 2)
    #expect(message.contains("\(path):5:8: steps must be at most 1000000000000"))
    #expect(try files.read(path).contains("9223372036854775807"), "the file is left as it was")
  }

  /// A domain 10²⁰⁰ times taller than wide asked the SVG for more rows than an Int holds.
  @Test func aTallDomainRendersAsSVG() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write(
      "tall.yaml",
      SceneFiles.himmelblau.replacingOccurrences(
        of: "landscape: {function: himmelblau}",
        with: "landscape: {function: himmelblau, domain: [[0, 1e-100], [0, 1e100]]}"))
    let outcome = try OptiscopeProcess.run(["render", path, "--format", "svg"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("<svg") && outcome.stdout.hasSuffix("</svg>\n"))
  }

  @Test func anOverflowingDomainIsListedWithItsErrorBesideTheScenesThatLoad() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    try files.write("good.yaml", SceneFiles.himmelblau)
    try files.write(
      "wide.yaml",
      SceneFiles.himmelblau.replacingOccurrences(
        of: "landscape: {function: himmelblau}",
        with: "landscape: {function: himmelblau, domain: [[-1e308, 1e308], [-1, 1]]}"))
    let outcome = try OptiscopeProcess.run(["scenes"], environment: ["OPTISCOPE_SCENES": files.folder.path])
    #expect(outcome.status == 1)
    #expect(outcome.stdout.contains("Two runs on Himmelblau"))
    #expect(outcome.stdout.contains("wide") && outcome.stdout.contains("does not load"))
    #expect(outcome.stderr.contains("wide.yaml:3:") && outcome.stderr.contains("must lie within ±1e+150"))
  }
}

/// Values that start with a minus sign reach their option, and counts out
/// of range are refused naming the option.
@Suite struct OptionRangeTests {
  @Test func anExpressionMayStartWithAMinus() throws {
    let outcome = try OptiscopeProcess.run(["eval", "-e", "-x^2", "--at", "3,0"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout == "-9\n")
  }

  @Test(arguments: [
    (["run", "-l", "sphere", "--steps", "-5"], "--steps must be positive or 0, got -5"),
    (["run", "-l", "sphere", "--evals", "-5"], "--evals must be positive, got -5"),
    (["run", "-l", "sphere", "--dim", "-2"], "--dim must be positive, got -2"),
    (["render", "-l", "sphere", "--steps", "-1"], "--steps must be positive or 0, got -1"),
    (["bench", "--seeds", "-3"], "--seeds must be positive, got -3"),
  ])
  func aNegativeCountIsRefusedNamingTheOption(arguments: [String], message: String) throws {
    let outcome = try OptiscopeProcess.run(arguments)
    #expect(outcome.status == 64)
    #expect(outcome.stderr == "optiscope: error: \(message)\n")
  }

  @Test func aNegativeSeedOrNoiseReachesItsOption() throws {
    let seed = try OptiscopeProcess.run(["run", "-l", "sphere", "--seed", "-1"])
    #expect(seed.stderr == "optiscope: error: The value '-1' is invalid for '--seed <seed>'\n")
    let noise = try OptiscopeProcess.run(["run", "-l", "sphere", "--noise", "-1"])
    #expect(noise.stderr == "optiscope: error: --noise must be ≥ 0, got -1\n")
  }

  @Test func anExpressionWithADimensionSaysItHasTwoVariables() throws {
    let outcome = try OptiscopeProcess.run(["run", "-e", "x^2", "--dim", "3"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("uses 2 variables") && outcome.stderr.contains("--dim 3"))
  }

  @Test func aStartOutsideTheDomainNamesTheAxisAndItsBounds() throws {
    let outcome = try OptiscopeProcess.run(["run", "-l", "sphere", "--start", "1,9"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr == "optiscope: error: --start '1,9': y = 9 is outside the domain, whose y runs from -5.12 to 5.12\n")
  }

  @Test(arguments: ["--optimizers", "--landscapes"])
  func anEmptyBenchListIsRefused(option: String) throws {
    let outcome = try OptiscopeProcess.run(["bench", option, " , "])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("\(option) ' , ' names nothing"))
  }

  /// An unknown name is as much a wrong command line as a malformed value.
  @Test(arguments: [
    ["run", "-l", "rosenbrok"], ["run", "-l", "sphere", "-o", "psoo"], ["run", "-l", "sphere", "--seed", "x"],
    ["render", "himmelblua"], ["render", "-l", "sphere", "--colour-map", "viridi"], ["list", "landscape"],
  ])
  func unknownNamesAndParseErrorsExitAlike(arguments: [String]) throws {
    let outcome = try OptiscopeProcess.run(arguments)
    #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }

  @Test(arguments: [(["list"], ["table", "json"]), (["scenes"], ["table", "json", "markdown"])])
  func helpOffersOnlyTheFormatsAccepted(command: [String], formats: [String]) throws {
    let help = try OptiscopeProcess.run(command + ["--help"]).stdout
    let line = try #require(help.split(separator: "\n").first { $0.contains("--format <format>") && $0.contains("Output") })
    #expect(line.contains("Output format: \(formats.joined(separator: ", "))."))
    #expect(!help.contains("csv"))
  }

  @Test func aNaNLossShowsAsNaNInTableAndCSV() throws {
    let arguments = ["run", "-e", "sqrt(-1 - x^2)", "-o", "random-search", "--steps", "3"]
    let table = try OptiscopeProcess.run(arguments)
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("best loss    nan"))
    let csv = try OptiscopeProcess.run(arguments + ["--format", "csv"])
    #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",nan") })
    let json = try OptiscopeProcess.json(arguments + ["--format", "json"]) as? [String: Any]
    #expect((json?["best"] as? [String: Any])?["loss"] is NSNull)
  }

  @Test func benchMergeRefusesANegativeBudget() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let slice = try OptiscopeProcess.run([
      "bench", "--optimizers", "pso", "--landscapes", "sphere", "--seeds", "1", "--evals", "10", "--format", "csv",
    ])
    #expect(slice.status == 0, "\(slice.stderr)")
    var lines = slice.stdout.split(separator: "\n").map(String.init)
    var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[4] = "-10"
    lines[1] = fields.joined(separator: ",")
    let path = try files.write("part.csv", lines.joined(separator: "\n") + "\n")
    let outcome = try OptiscopeProcess.run(["bench", "merge", path])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("\(path):2") && outcome.stderr.contains("budget must be from 1 to 1000000000000 evaluations, got -10"))
  }
}

/// `--break` conditions that cannot hold in the scene are refused with a caret.
@Suite struct BreakpointArgumentTests {
  @Test func aMisspeltReadoutGetsASuggestionAndACaret() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--break", "run 1 temprature < 0.01"])
    #expect(outcome.status == 64)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(lines[0].contains("run 1 of the scene shows no readout 'temprature'; did you mean 'temperature'?"))
    #expect(lines.count == 3 && lines[2] == "        ^")
  }

  @Test func aRunThatDoesNotExistIsRefusedAtItsNumber() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--break", "run 99 best < 1"])
    #expect(outcome.status == 64)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(lines[0].contains("the scene has no run 99; its runs are 1 to 2 at column 5"))
    #expect(lines.count == 3 && lines[2] == "      ^")
  }
}
