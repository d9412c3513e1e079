import Engine
import Foundation

/// How much memory the visualizer's step-back history may take:
/// `OPTISCOPE_HISTORY_MB` megabytes (README), else the engine's default.
/// Past it the oldest steps are dropped; `g` still reaches them by
/// replaying from the start.
func historyByteBudget(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
  guard let text = environment["OPTISCOPE_HISTORY_MB"] else { return Session.defaultHistoryByteBudget }
  let limit = 1 << 20
  guard let megabytes = Int(text), (1...limit).contains(megabytes) else {
    throw CommandLineError("OPTISCOPE_HISTORY_MB must be a whole number of megabytes from 1 to \(limit), got '\(text)'")
  }
  return megabytes << 20
}
