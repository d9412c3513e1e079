import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import ViewModel

/// The writer keeps the layout docs/SCENES.md shows: sections in a fixed
/// order, one field a line in sections and runs, points, events and
/// checksums on one line each, numbers in their shortest exact form.
@Suite struct SceneLayoutTests {
  @Test func aSceneIsWrittenInTheDocumentedLayout() {
    let scene = Scene(
      title: "Momentum: overshoot", description: "The heavy ball shoots past.\nAdam follows the curve.",
      landscape: .named("rosenbrock"), seed: 7,
      runs: [
        RunSetup(
          OptimizerConfiguration(
            "descent", parts: DescentParts(gradient: "analytic", update: "momentum"), settings: [("lr", 0.001)]),
          start: [-1.5, 2]),
        RunSetup(OptimizerConfiguration("adam")),
      ],
      view: MapView(viewport: Viewport(x: -2...2, y: -1...3)), steps: 300,
      events: [SceneEvent(step: 120, .setHyperparameter(run: 0, name: "lr", value: 0.0005))],
      checksums: Checksums(
        interval: 50,
        entries: [Checksum(step: 50, run: 0, bestLoss: 0.1 + 0.2, bestPosition: [-0.0, 1e-7]),
                  Checksum(epoch: 1, step: 50, run: 1, bestLoss: nil, bestPosition: nil)]))
    #expect(
      SceneWriter.write(scene) == """
        version: 2
        title: 'Momentum: overshoot'
        description: |-
          The heavy ball shoots past.
          Adam follows the curve.
        landscape:
          function: rosenbrock
        seed: 7
        budget: unlimited
        steps: 300
        runs:
        - optimizer: descent
          parts: {gradient: analytic, update: momentum, guards: []}
          settings: {lr: 0.001}
          start: [-1.5, 2]
        - optimizer: adam
        view:
          colour-map: viridis
          scale: log
          viewport: {x: [-2, 2], y: [-1, 3]}
          trails: true
          probes: true
          overlays: true
        events:
        - {step: 120, set: {run: 1, parameter: lr, value: 0.0005}}
        checksums:
          every: 50
          at:
          - {step: 50, run: 1, best: 0.30000000000000004, position: [-0, 1e-07]}
          - {epoch: 1, step: 50, run: 2, best: null, position: null}

        """)
  }

  @Test func wordsThatYAMLReadsAsOtherTypesAreQuoted() throws {
    var scene = SampleScenes.everyEvent
    for title in ["null", "yes", "1e3", "0x10", "~", ""] {
      scene.title = title
      let text = SceneWriter.write(scene)
      #expect(text.contains("\ntitle: '\(title)'\n"), "\(title)")
      #expect(try SceneReader.read(text).title == title)
    }
  }
}
