import OptimizerCore

/// Why `LandscapeCatalog.make` could not build a landscape; `description` is
/// one line that says what and, where it can, what was meant.
public enum LandscapeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No built-in landscape has this name; `suggestion` is the nearest one.
  case unknownName(String, suggestion: String?)
  /// The function is defined in two dimensions only.
  case planarOnly(name: String, dimension: Int)
  /// A dimension below 1 or above `Limits.dimension`.
  case invalidDimension(Int)

  public var description: String {
    switch self {
    case .unknownName(let name, let suggestion):
      "unknown landscape '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .planarOnly(let name, let dimension):
      "\(name) is defined in 2 dimensions only, not \(dimension)"
    case .invalidDimension(let dimension):
      "a landscape's dimension must be from 1 to \(Limits.dimension), not \(dimension)"
    }
  }
}
