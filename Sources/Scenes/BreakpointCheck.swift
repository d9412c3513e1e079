import Engine
import OptimizerCore

extension Breakpoint {
  /// Refuses a condition that can never hold in `scene`: one naming a run
  /// the scene never has (runs are numbered 1, 2, … and one more for each
  /// `add-run`), or a readout that no optimizer of the watched runs shows at
  /// any point of the scene. The error points at the run number or the
  /// readout, and suggests the nearest readout name.
  public func check(in scene: Scene) throws(BreakpointError) {
    let runs = scene.runs.count + scene.events.count { if case .addRun = $0.command { true } else { false } }
    if let run, run >= runs {
      let numbers = runs == 0 ? "it has none" : runs == 1 ? "its only run is 1" : "its runs are 1 to \(runs)"
      throw BreakpointError(message: "the scene has no run \(run + 1); \(numbers)", column: runColumn ?? 1, condition: text)
    }
    guard case .readout(let name) = subject else { return }
    let shown = scene.readouts(ofRun: run)
    guard !shown.contains(name) else { return }
    let known = shown.sorted()
    let listed = known.isEmpty ? "they show none" : "readouts: \(known.joined(separator: ", "))"
    let what = "readout '\(name)'\(suggestionSuffix(for: name, in: known)) (\(listed))"
    throw BreakpointError(
      message: run.map { "run \($0 + 1) of the scene shows no \(what)" } ?? "no run of the scene shows a \(what)",
      column: subjectColumn, condition: text)
  }
}

extension Scene {
  /// The readout names and symbols that run `id` (any run when nil) shows
  /// at some point of the scene: its optimizers' as the scene starts and
  /// after each event, applied in order at step 0 as the reader checks
  /// them (readouts depend on the configuration, not on the steps taken).
  fileprivate func readouts(ofRun id: Int?) -> Set<String> {
    guard var session = try? makeSession(logsProbes: false) else { return [] }
    var names = Set<String>()
    func note(_ session: Session) {
      for run in session.runs where id == nil || run.id == id {
        for readout in run.optimizer.inspect().readouts { names.formUnion([readout.name, readout.symbol]) }
      }
    }
    note(session)
    for event in events {
      guard (try? session.apply(event.command)) != nil else { break }
      note(session)
    }
    return names
  }
}
