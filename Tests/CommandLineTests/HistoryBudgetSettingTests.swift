import Testing

/// `OPTISCOPE_HISTORY_MB` sets the visualizer's step-back memory; a value
/// that is not a number of megabytes is refused before the screen opens.
@Suite struct HistoryBudgetSettingTests {
  @Test(arguments: ["lots", "0", "-5", "2000000"])
  func aBadHistoryBudgetIsRefusedWithItsRange(value: String) throws {
    let outcome = try OptiscopeProcess.run(["play"], environment: ["OPTISCOPE_HISTORY_MB": value])
    #expect(outcome.status != 0)
    #expect(
      outcome.stderr.contains("OPTISCOPE_HISTORY_MB must be a whole number of megabytes from 1 to 1048576, got '\(value)'"))
  }
}
