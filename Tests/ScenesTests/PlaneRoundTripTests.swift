import Engine
import OptimizerCore
import Scenes
import Testing
import ViewModel

/// A scene saves the plane its map shows of a landscape of more than two
/// dimensions (`view.plane`); one without it reads as the default plane.
@Suite struct PlaneRoundTripTests {
  func scene(_ plane: MapPlane) -> Scene {
    Scene(
      title: "ten", landscape: .named("rastrigin", dimension: 10), seed: 5, runs: [RunSetup(OptimizerConfiguration("cma-es"))],
      view: MapView(plane: plane), steps: 3)
  }

  @Test(arguments: [
    MapPlane(through: .leader, basis: .principal, axes: MapPlane.Axes(2, 6), seed: 1),
    MapPlane(through: .best, basis: .random, axes: .standard, seed: 9),
    MapPlane(through: .point(Vector((1...10).map { Double($0) / 4 })), basis: .axes, axes: MapPlane.Axes(9, 0)),
  ])
  func thePlaneSurvivesWritingAndReading(plane: MapPlane) throws {
    let text = SceneWriter.write(scene(plane))
    let read = try SceneReader.read(text)
    #expect(read.view.plane == plane)
    #expect(SceneWriter.write(read) == text)
  }

  @Test func thePlaneIsWrittenAsAFlowMappingWithAxesCountedFromOne() {
    let text = SceneWriter.write(scene(MapPlane(through: .leader, basis: .principal, axes: MapPlane.Axes(2, 6))))
    #expect(text.contains("  plane: {basis: principal, axes: [3, 7], seed: 1, through: leader}"), "\(text)")
    #expect(!SceneWriter.write(scene(MapPlane())).contains("plane:"), "the default plane is not written")
  }

  @Test func aSceneWithoutAPlaneReadsAsTheDefault() throws {
    let text = SceneWriter.write(scene(MapPlane()))
    #expect(try SceneReader.read(text).view.plane == MapPlane())
  }

  @Test func zoomAndCenterAreAboutTheBoxOnThePlanesAxes() throws {
    let text = """
      version: 2
      title: zoomed
      landscape: {function: sphere, dimension: 3, domain: [[-1, 1], [-2, 2], [-8, 8]]}
      seed: 1
      steps: 0
      runs:
        - optimizer: adam
      view:
        zoom: 2
        center: [0, 1]
        plane: {axes: [3, 2]}
      """
    let view = try SceneReader.read(text).view
    #expect(view.viewport == Viewport(x: -4...4, y: 0...2), "x3 ∈ [-8, 8] and x2 ∈ [-2, 2] halved, about (0, 1)")
  }

  @Test(arguments: [
    ("{axes: [3, 3]}", "view.plane.axes must name two different axes, got 3 twice"),
    ("{axes: [11, 2]}", "view.plane.axes[0] must be at most 10, got 11"),
    ("{axes: [1]}", "view.plane.axes must name two axes, got 1"),
    ("{basis: principle}", "unknown plane basis 'principle'; did you mean 'principal'?"),
    ("{through: [1, 2]}", "view.plane.through has 2 coordinates; the landscape has 10"),
    ("{through: middle}", "view.plane.through must be best, leader or a point [x1, …, xn], got 'middle'"),
    ("{seed: -1}", "view.plane.seed must be a whole number ≥ 0, got -1"),
  ])
  func aBadPlaneSaysWhatIsWrongAndWhere(plane: String, message: String) throws {
    var text = SceneWriter.write(scene(MapPlane()))
    text = text.replacingOccurrences(of: "view:\n", with: "view:\n  plane: \(plane)\n")
    do {
      _ = try SceneReader.read(text, file: "bad.yaml")
      Issue.record("the scene was accepted:\n\(text)")
    } catch {
      #expect(error.message.contains(message), "\(error.message)")
      #expect(error.line != nil)
    }
  }
}
