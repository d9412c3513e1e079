import ArgumentParser
import Foundation
import OptimizerCore

/// The bench's `--set [name:]key=value`: a setting for every optimizer that
/// has the key, or, with `name:`, for that optimizer only.
struct BenchSetting: ExpressibleByArgument, Hashable {
  /// Nil for every optimizer that has the key.
  let optimizer: String?
  let setting: HyperparameterSetting

  init?(argument: String) {
    let target = argument.prefix { $0 != "=" }
    guard let colon = target.firstIndex(of: ":") else {
      guard let setting = HyperparameterSetting(argument: argument) else { return nil }
      self.optimizer = nil
      self.setting = setting
      return
    }
    let owner = argument[..<colon].trimmingCharacters(in: .whitespaces)
    guard !owner.isEmpty, let setting = HyperparameterSetting(argument: String(argument[argument.index(after: colon)...]))
    else { return nil }
    self.optimizer = owner
    self.setting = setting
  }
}
