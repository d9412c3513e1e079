import Landscapes
import OptimizerCore

/// Why a session could not be built or could not apply a command.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
  case noSuchRun(Int, existing: [Int])
  case registry(RegistryError)
  case hyperparameter(run: Int, HyperparameterError)
  case landscape(String)
  case startOutsideDomain(Vector, dimension: Int)
  case invalidNoise(Double)
  case tooManyRuns(limit: Int)

  public var description: String {
    switch self {
    case .noSuchRun(let id, let existing):
      return "no run \(id); runs are \(existing.map(String.init).joined(separator: ", "))"
    case .registry(let error):
      return error.description
    case .hyperparameter(let run, let error):
      return "run \(run): \(error)"
    case .landscape(let message):
      return message
    case .startOutsideDomain(let point, let dimension):
      return "start point \(point) has \(point.dimension) coordinates; the landscape has \(dimension)"
    case .invalidNoise(let sigma):
      return "noise must be a finite number ≥ 0, got \(formatNumber(sigma))"
    case .tooManyRuns(let limit):
      return "a session holds at most \(limit) runs at once"
    }
  }
}
