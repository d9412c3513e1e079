import Landscapes
import OptimizerCore

/// Why a session could not be built or could not apply a command.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Runs by id; the description says their numbers (id + 1).
  case noSuchRun(Int, existing: [Int])
  case registry(RegistryError)
  case hyperparameter(run: Int, HyperparameterError)
  case landscape(String)
  case startOutsideDomain(Vector, dimension: Int)
  case invalidNoise(Double)
  case tooManyRuns(limit: Int)
  /// An optimizer stopped (its external process broke off): the run, and why.
  case optimizerStopped(run: Int, String)

  public var description: String {
    switch self {
    case .noSuchRun(let id, let existing):
      let numbers = existing.map { String($0 + 1) }
      return "there is no run \(id + 1); " + (numbers.isEmpty ? "there are no runs" : "the runs are \(numbers.joined(separator: ", "))")
    case .registry(let error):
      return error.description
    case .hyperparameter(let run, let error):
      return "run \(run + 1): \(error)"
    case .landscape(let message):
      return message
    case .startOutsideDomain(let point, let dimension):
      return "start point \(point) has \(point.dimension) coordinates; the landscape has \(dimension)"
    case .invalidNoise(let sigma):
      return "noise must be a finite number ≥ 0, got \(formatNumber(sigma))"
    case .tooManyRuns(let limit):
      return "a session holds at most \(limit) runs at once"
    case .optimizerStopped(let run, let message):
      return "run \(run + 1) stopped: \(message)"
    }
  }
}
