/// What `bench perf --format json` prints for one case: a speed of the
/// core or the engine, a frame's or a terminal's time, or a scene figure.
/// Fields that do not apply are left out, but for `evals_per_second`,
/// which is null where no evaluations were timed.
struct PerformanceDocument: Encodable {
  let name: String
  var summary: String?
  var evaluations: Int?
  var seconds: JSONNumber?
  var evalsPerSecond = JSONNumber(nil)
  var medianMilliseconds: JSONNumber?
  var bestMilliseconds: JSONNumber?
  var goalMilliseconds: JSONNumber?
  var meanBytesPerFrame: JSONNumber?
  var maxBytesPerFrame: Int?
  var value: String?

  enum CodingKeys: String, CodingKey {
    case name = "case"
    case summary, evaluations, seconds, value
    case evalsPerSecond = "evals_per_second"
    case medianMilliseconds = "median_ms"
    case bestMilliseconds = "best_ms"
    case goalMilliseconds = "goal_ms"
    case meanBytesPerFrame = "mean_bytes_per_frame"
    case maxBytesPerFrame = "max_bytes_per_frame"
  }
}
