import Foundation
import Landscapes
import OptimizerCore
import Testing

@testable import External

/// A function in a child process (docs/PROTOCOL.md, "A function"): what
/// its handshake declares, values one at a time and in batches, its own
/// gradients, and every way of breaking the protocol ending in NaN and the
/// documented message, never in a crash.
@Suite(.enabled(if: FakeFunction.hasPython, "the fake functions are stdlib Python scripts"))
struct ExternalFunctionTests {
  @Test func theHandshakeDeclaresTheLandscape() throws {
    let f = try ExternalFunction(command: FakeFunction.command("good"))
    defer { f.end() }
    #expect(f.name == "fake good" && f.title == "fake good")
    #expect(f.domain == .cube(-3, 3, dimension: 2))
    #expect(f.knownMinimum == KnownMinimum(value: 0, minimizers: [[1, -2]]))
    #expect(f.axisNames == ["w", "b"])
    #expect(f.hasAnalyticGradient && f.isRemote && f.failure == nil)
  }

  @Test func valuesAndGradientsAreTheProcesss() throws {
    let f = try ExternalFunction(command: FakeFunction.command("good"))
    defer { f.end() }
    #expect(f.value(at: [1, -2]) == 0)
    #expect(f.values(at: [[0, 0], [2, -1], [1, -2]]) == [5, 2, 0])
    #expect(f.gradient(at: [2, 0]) == [2, 4])
    #expect(f.failure == nil)
  }

  @Test func withoutItsOwnGradientsTheyAreCentralDifferences() throws {
    let f = try ExternalFunction(command: FakeFunction.command("plain"))
    defer { f.end() }
    #expect(!f.hasAnalyticGradient)
    let g = f.gradient(at: [2, 0])
    #expect(abs(g[0] - 2) < 1e-6 && abs(g[1] - 4) < 1e-6)
  }

  @Test func aBatchGoesInRequestsOfAtMost4096Points() throws {
    let f = try ExternalFunction(command: FakeFunction.command("batch"))
    defer { f.end() }
    let points = [Vector](repeating: [0, 0], count: 5000)
    let values = f.values(at: points)
    #expect(values.count == 5000)
    #expect(values.prefix(4096).allSatisfy { $0 == 4096 } && values.suffix(904).allSatisfy { $0 == 904 })
  }

  @Test func theDimensionAskedForIsSentAndChecked() throws {
    let f = try ExternalFunction(command: FakeFunction.command("batch"), dimension: 3)
    defer { f.end() }
    #expect(f.dimension == 3)
    do {
      _ = try ExternalFunction(command: "printf '%s\\n' '{\"type\":\"hello\",\"name\":\"two\",\"dimension\":2,\"bounds\":[[0,1],[0,1]]}'; cat", dimension: 4)
      Issue.record("a function of 2 variables was accepted for --dim 4")
    } catch {
      #expect(error.message == "'hello' at the handshake: 'dimension' is 2, but --dim asked for 4")
    }
  }

  @Test func aHandshakeWithoutBoundsIsRefused() {
    do {
      _ = try ExternalFunction(command: FakeFunction.command("no-bounds"))
      Issue.record("a handshake without bounds was accepted")
    } catch {
      #expect(error.message == "'hello' at the handshake has no 'bounds'")
    }
  }

  @Test(arguments: [
    ("malformed", "line 2 of its output is not JSON: 'oops{'"),
    ("missing", "'values' at request 1 has no 'values'"),
    ("wrong-type", "'values' at request 1: 'values' should be an array, got the string 'abc'"),
    ("exits", "the process exited with status 3 during request 1"),
    ("junk", "line 2 of its output is longer than 8 MiB"),
    ("slow", "request 1 took longer than 1 s"),
  ])
  func aBrokenAnswerIsNaNAndTheDocumentedMessage(mode: String, message: String) throws {
    let f = try ExternalFunction(command: FakeFunction.command(mode), timeout: 1)
    defer { f.end() }
    #expect(f.value(at: [0, 0]).isNaN)
    let failure = try #require(f.link.failure)
    #expect(failure.message == message)
    #expect(f.failure?.hasPrefix(message) == true)
    if mode == "exits" { #expect(failure.stderr == ["giving up"]) }
    // From then on every answer is NaN, without asking the process.
    #expect(f.values(at: [[1, -2], [0, 0]]).allSatisfy { $0.isNaN })
    #expect(!f.gradient(at: [0, 0]).isFinite)
  }

  @Test func aCommandThatDoesNotShakeHandsSaysWhy() {
    do {
      _ = try ExternalFunction(command: "echo not json; sleep 5")
      Issue.record("a process that answered no hello was accepted")
    } catch {
      #expect(error.message == "line 1 of its output is not JSON: 'not json'")
    }
  }

  @Test func aOnePointRequestWaitsOnlyForTheBatchInFlight() throws {
    let f = try ExternalFunction(command: FakeFunction.command("counter"))
    defer { f.end() }
    let finished = DispatchSemaphore(value: 0)
    // Six batches on a thread of their own, as the heat map's job sends them.
    Thread.detachNewThread {
      for _ in 0..<6 { _ = f.values(at: [[0, 0], [1, 1]]) }
      finished.signal()
    }
    // Once the second batch is out, a single point asked for now is
    // answered right after it, not after the other four.
    while f.link.requestsSent < 2 { usleep(10_000) }
    #expect(f.value(at: [0, 0]) <= 3)
    finished.wait()
  }

  @Test func everyCopyReachesTheOneProcess() throws {
    let f = try ExternalFunctions.function(command: FakeFunction.command("good"), dimension: nil)
    let again = try ExternalFunctions.function(command: FakeFunction.command("good"), dimension: nil)
    #expect(f.link === again.link)
    let moved = f.with(domain: .cube(0, 2, dimension: 2))
    #expect(moved.isRemote && moved.values(at: [[1, -2]]) == [0])
  }
}
