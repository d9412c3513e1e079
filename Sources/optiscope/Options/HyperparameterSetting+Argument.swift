import ArgumentParser
import Foundation
import OptimizerCore

/// `--set key=value`: the format is checked here, so that a malformed one
/// fails like any other option; the name and value are checked against the
/// optimizer's specs by `OptimizerChoice`.
extension HyperparameterSetting: ExpressibleByArgument {
  public init?(argument: String) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
    self.init(
      String(argument[..<equals]).trimmingCharacters(in: .whitespaces),
      String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
  }
}
