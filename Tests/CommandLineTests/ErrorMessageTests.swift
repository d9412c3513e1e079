import Testing

/// Errors are one clear line on stderr with a non-zero exit.
@Suite struct ErrorMessageTests {
  func failure(_ arguments: [String]) throws -> String {
    let outcome = try OptiscopeProcess.run(arguments)
    #expect(outcome.status != 0)
    #expect(outcome.stdout.isEmpty)
    return outcome.stderr
  }

  @Test func anUnknownLandscapeSuggestsTheNearest() throws {
    let message = try failure(["run", "--landscape", "rosenbrok", "-o", "adam"])
    #expect(message.contains("rosenbrok") && message.contains("rosenbrock"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func anUnknownOptimizerSuggestsTheNearest() throws {
    let message = try failure(["run", "-l", "sphere", "--optimizer", "psoo"])
    #expect(message.contains("'pso'"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func aSeedWithoutALandscapeIsRefusedRatherThanIgnoredByTheTour() throws {
    let message = try failure(["play", "--seed", "5"])
    #expect(message.contains("--landscape"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func aMalformedNumberListIsRefusedByTheParserNamingOptionAndValue() throws {
    let message = try failure(["eval", "-l", "sphere", "--at", "1,abc"])
    #expect(message.contains("'1,abc'") && message.contains("--at"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func aMalformedSeedIsOneLine() throws {
    let message = try failure(["run", "-l", "sphere", "--seed", "x1"])
    #expect(message.contains("x1"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func anOutOfRangeHyperparameterGivesTheRange() throws {
    let message = try failure(["run", "-l", "sphere", "-o", "pso", "--set", "particles=0"])
    #expect(message.contains("particles") && message.contains("valid range"))
    #expect(message.split(separator: "\n").count == 1)
  }

  @Test func anUnknownHyperparameterSuggestsTheNearest() throws {
    let message = try failure(["run", "-l", "sphere", "-o", "adam", "--set", "lrr=0.1"])
    #expect(message.contains("'lr'"))
  }

  @Test func aBadExpressionShowsTheColumnAndACaret() throws {
    let message = try failure(["eval", "--expression", "x + * y", "--at", "1,2"])
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].contains("column 5"))
    let source = try #require(lines.first { $0.hasSuffix("x + * y") })
    let caret = try #require(lines.first { $0.contains("^") })
    #expect(caret.firstIndex(of: "^")!.utf16Offset(in: caret) == source.count - 3)
  }

  @Test(arguments: ["lr", "=0.1"])
  func aMalformedSetIsAnOptionError(setting: String) throws {
    let message = try failure(["run", "-l", "sphere", "-o", "adam", "--set", setting])
    #expect(message.contains("'\(setting)' is invalid for '--set <key=value>'"))
    #expect(message.split(separator: "\n").count == 1)
  }

  /// The same words give the same message as in a scene (SceneReaderConfigurationTests).
  @Test func anUnreadableValueSaysWhatTheParameterTakes() throws {
    let message = try failure(["run", "-l", "sphere", "-o", "adam", "--set", "lr=fast"])
    #expect(message == "optiscope: error: adam: lr expects a number, got 'fast'\n")
  }

  @Test func descentPartsOnANonDescentOptimizerAreRefused() throws {
    let message = try failure(["run", "-l", "sphere", "-o", "pso", "--gradient", "spsa"])
    #expect(message.contains("not a descent optimizer"))
  }
}

/// Option values that are not what the option takes are refused while the
/// command line is parsed, as argument-parser words it, on one line.
@Suite struct OptionValueTests {
  @Test func anUnknownScaleListsTheScales() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "sphere", "--scale", "lgo"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("'lgo'") && outcome.stderr.contains("'rank'"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }

  @Test func aPointOfTheWrongDimensionSaysHowManyCoordinates() throws {
    let outcome = try OptiscopeProcess.run(["eval", "-l", "sphere", "--at", "1,2,3"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--at '1,2,3' has 3 coordinates; the landscape takes 2"))
  }
}

extension OptionValueTests {
  @Test func aMalformedStartNamesTheToken() throws {
    let outcome = try OptiscopeProcess.run(["run", "-l", "sphere", "--start", "1,x"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("The value '1,x' is invalid for '--start <x,y>'"), "\(outcome.stderr)")
  }

  @Test func sizesAndPointsAcceptWhatTheHelpShows() throws {
    #expect(try OptiscopeProcess.run(["eval", "-l", "sphere", "--at", "-1, 2"]).stdout == "5\n")
    #expect(try OptiscopeProcess.run(["render", "-l", "sphere", "--steps", "1", "--size", "60X20"]).status == 0)
  }
}
