import Foundation
import Testing

/// `--plane` and `--plane-through` choose the plane `render` (and `play`)
/// draws of a landscape of more than two dimensions.
@Suite struct PlaneOptionTests {
  static let tenDimensions = ["render", "-l", "rastrigin", "--dim", "10", "-o", "cma-es", "--steps", "20"]

  @Test func renderDrawsThePlaneTheOptionsChooseAndItsHeaderNamesIt() throws {
    let axes = try OptiscopeProcess.run(Self.tenDimensions + ["--plane", "axes:3,7", "--size", "160x40"])
    #expect(axes.status == 0, "\(axes.stderr)")
    let header = axes.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("plane x3,x7 through run 1's best  x3 ∈ [-7.9, 7.9]  x7 ∈ [-5.12, 5.12]"), "\(header)")
    let leader = try OptiscopeProcess.run(Self.tenDimensions + ["--plane", "random:4", "--plane-through", "leader", "--size", "160x40"])
    #expect(leader.stdout.contains("random plane (seed 4) through the leader, run 1's best  u ∈ ["), "\(leader.stdout)")
    let fixed = try OptiscopeProcess.run(
      Self.tenDimensions + ["--plane-through", Array(repeating: "0.5", count: 10).joined(separator: ","), "--size", "160x40"])
    #expect(fixed.stdout.contains("plane x1,x2 through the fixed point (0.5, 0.5, 0.5, …)"), "\(fixed.stdout)")
  }

  @Test func theSVGNamesThePlaneAndFadesParticlesOffIt() throws {
    let outcome = try OptiscopeProcess.run(Self.tenDimensions + ["--plane", "principal", "--format", "svg"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("class=\"plane\""))
    #expect(outcome.stdout.contains("principal plane of run 1&apos;s last"), "\(outcome.stdout.prefix(3000))")
    #expect(outcome.stdout.contains("class=\"particle\"") && outcome.stdout.contains("opacity=\""))
  }

  @Test(arguments: [
    (["--plane", "axes:3,3"], "--plane 'axes:3,3': the plane needs two different axes"),
    (["--plane", "axes:0,11"], "--plane 'axes:0,11': the axes are x1 … x10, so each number is from 1 to 10"),
    (["--plane", "axis:1,2"], "--plane 'axis:1,2' is not a plane; did you mean 'axes'?"),
    (["--plane", "random:-1"], "a random plane's seed is a whole number ≥ 0"),
    (["--plane-through", "1,2"], "--plane-through '1,2' has 2 coordinates; the landscape takes 10"),
    (["--plane-through", "middle"], "--plane-through 'middle' is not best, leader or a point x1,…,x10 of numbers"),
  ])
  func aWrongPlaneIsAClearError(options: [String], message: String) throws {
    let outcome = try OptiscopeProcess.run(Self.tenDimensions + options)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
  }

  @Test func aPlaneOnATwoDimensionalLandscapeIsRefused() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "rosenbrock", "-o", "adam", "--plane", "principal"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("--plane choose a plane through more than two dimensions; this landscape has 2"), "\(outcome.stderr)")
  }

  @Test func playTakesTenDimensionsButNotMoreThanTheVisualizerDraws() throws {
    // Without a terminal play stops at the terminal, past every check of the options.
    let ten = try OptiscopeProcess.run(["play", "-l", "rastrigin", "--dim", "10", "-o", "cma-es", "--plane", "axes:3,7"])
    #expect(ten.stderr.contains("the visualizer needs a terminal"), "\(ten.stderr)")
    let alone = try OptiscopeProcess.run(["play", "--plane", "principal"])
    #expect(alone.status == 64)
    #expect(alone.stderr.contains("--plane choose a plane through a landscape: give --landscape NAME --dim N"), "\(alone.stderr)")
    let huge = try OptiscopeProcess.run(["play", "-l", "sphere", "--dim", "5000", "-o", "adam"])
    #expect(huge.status == 64)
    #expect(huge.stderr.contains("the visualizer draws landscapes of 2 to 1000 dimensions"), "\(huge.stderr)")
  }
}
