/// A function an expression may call, named as typed, with the number of
/// arguments it takes.
enum MathFunction: String, Sendable, CaseIterable {
  case sin, cos, tan, asin, acos, atan, exp, log, sqrt, abs, tanh, floor
  case min, max, pow, hypot

  /// How many arguments a call must pass.
  var arity: Int {
    switch self {
    case .min, .max, .pow, .hypot: 2
    default: 1
    }
  }
}
