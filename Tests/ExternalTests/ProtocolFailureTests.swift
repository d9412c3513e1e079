import Engine
import External
import Foundation
import OptimizerCore
import Testing

/// Each way a process can break docs/PROTOCOL.md ends its run with the
/// documented message, and the other run of the session goes on.
@Suite struct ProtocolFailureTests {
  /// A session racing the fake in `mode` against Adam, stepped five times.
  static func race(_ mode: String, timeout: Double = 5, landscape: String = "rosenbrock") throws -> Session {
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: FakeOptimizer.command(mode)))
    var session = try Session(
      landscape: .named(landscape), runs: [RunSetup(external), RunSetup(OptimizerConfiguration("adam"))], seed: 3,
      externalTapes: ExternalTapes(policy: .live(stepTimeout: timeout)))
    for _ in 0..<5 { session.stepForward() }
    return session
  }

  static func failure(of session: Session) -> String { session.runs[0].optimizer.failure ?? "(no failure)" }

  @Test func aGoodSessionRunsEveryStepAndCountsItsEvaluations() throws {
    let session = try Self.race("good")
    let run = session.runs[0]
    #expect(run.optimizer.failure == nil)
    #expect(run.steps == 5)
    #expect(run.evaluations == 20)
    #expect(run.optimizer.kind.displayName == "fake-good (external)")
    #expect(run.optimizer.inspect().readout("sigma")?.value == 0.1)
    #expect(session.externalTapes.all.first?.tape.steps.count == 5)
  }

  @Test func malformedJSONNamesTheLine() throws {
    let session = try Self.race("malformed")
    #expect(Self.failure(of: session).hasPrefix("line 4 of its output is not JSON: 'this is not json'"))
    #expect(session.runs[0].steps == 1)
    #expect(session.runs[1].steps == 5)
  }

  @Test func aMissingFieldNamesTheMessageAndTheStep() throws {
    let session = try Self.race("missing")
    #expect(Self.failure(of: session).hasPrefix("'done' at step 2 has no 'particles'"))
    #expect(session.runs[1].steps == 5)
  }

  @Test func aPointOfTheWrongSizeNamesItsIndex() throws {
    let session = try Self.race("wrongtype")
    #expect(Self.failure(of: session).hasPrefix("'evaluate' at step 2: 'points'[1] has 3 numbers, the domain has 2 axes"))
  }

  @Test func anUnknownTypeSaysWhatWasExpected() throws {
    let session = try Self.race("unknown")
    #expect(Self.failure(of: session).hasPrefix("expected 'evaluate' or 'done' at step 2, got 'evaluat'"))
  }

  @Test func theProcessesOwnErrorIsShown() throws {
    let session = try Self.race("error")
    #expect(Self.failure(of: session).hasPrefix("the process reported an error at step 2: the model diverged"))
  }

  @Test func aSlowStepTimesOut() throws {
    let session = try Self.race("sleep", timeout: 0.5)
    #expect(Self.failure(of: session).hasPrefix("step 2 took longer than 0.5 s (--step-timeout)"))
    #expect(session.runs[1].steps == 5)
  }

  @Test func anExitMidStepGivesTheStatusAndTheLastWordsOnStderr() throws {
    let session = try Self.race("exit")
    let failure = Self.failure(of: session)
    #expect(failure.hasPrefix("the process exited with status 3 during step 2"))
    #expect(failure.contains("stderr: giving up at step 2"))
  }

  @Test func megabytesOfJunkWithoutALineEndAreRefused() throws {
    let session = try Self.race("junk")
    #expect(Self.failure(of: session).hasPrefix("line 4 of its output is longer than 8 MiB"))
    #expect(session.runs[1].steps == 5)
  }

  @Test func aDeclaredDefaultOutsideItsRangeIsRefusedAtTheHandshake() throws {
    let session = try Self.race("badspec")
    #expect(Self.failure(of: session).hasPrefix("'hello' at the handshake: 'hyperparameters'[0] ('sigma') has its default 5 outside its range"))
    #expect(session.runs[0].steps == 0)
  }

  @Test func gradientsOnAFunctionWithoutThemAreDifferences() throws {
    // An expression has no analytic gradient: the hello says so, and the
    // answer carries central differences.
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: FakeOptimizer.command("gradients")))
    var session = try Session(
      landscape: .expression("x^2 + 3*y^2"), runs: [RunSetup(external, start: Vector([1, 1]))], seed: 3,
      externalTapes: ExternalTapes(policy: .live(stepTimeout: 5)))
    session.stepForward()
    let run = session.runs[0]
    #expect(run.optimizer.failure == nil)
    #expect(run.evaluator.gradientEvaluations == 4)
    let request = try #require(session.externalTapes.all.first?.tape.steps.first?.requests.first)
    let point = request.points[0]
    let projected = Vector(point.components.map { min(max($0, -5), 5) })
    #expect(abs(request.gradients[0][0] - 2 * projected[0]) < 1e-4)
    #expect(abs(request.gradients[0][1] - 6 * projected[1]) < 1e-4)
  }

  @Test func anUnknownSettingNamesTheDeclaredOnes() throws {
    let external = OptimizerConfiguration(
      kind: OptimizerKind(name: "external", command: FakeOptimizer.command("good")), settings: [("sigmaa", 0.2)])
    let session = try Session(
      landscape: .named("rosenbrock"), runs: [RunSetup(external)], seed: 3,
      externalTapes: ExternalTapes(policy: .live(stepTimeout: 5)))
    #expect(Self.failure(of: session).contains("unknown hyperparameter 'sigmaa'; did you mean 'sigma'?"))
  }

  @Test func aCommandThatDoesNotRunSaysSo() throws {
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: "/nonexistent/optimizer"))
    let session = try Session(
      landscape: .named("rosenbrock"), runs: [RunSetup(external)], seed: 3,
      externalTapes: ExternalTapes(policy: .live(stepTimeout: 5)))
    let failure = Self.failure(of: session)
    #expect(failure.hasPrefix("the process exited with status 127 during the handshake"))
    #expect(failure.contains("not found"))
  }
}
