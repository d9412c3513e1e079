import OptimizerCore
import Testing
import ViewModel

/// Zooming and panning stop at the limits instead of collapsing the view
/// or overflowing it (a crash in `Viewport`'s precondition before).
@Suite struct ViewportLimitTests {
  let start = Viewport(domain: .cube(-5, 5, dimension: 2))

  @Test func zoomingInForeverStopsWhileTheSidesStillHaveWidth() {
    var view = start
    for _ in 0..<2000 { view = view.zoomed(by: 2) }
    #expect(view.width > 0 && view.height > 0)
    #expect(view.width < 1e-10)
  }

  @Test func zoomingOutAndPanningStopWithinTheCoordinateLimit() {
    var view = start
    for _ in 0..<2000 { view = view.zoomed(by: 0.5).panned(dx: 1e300, dy: -1e300) }
    for bound in [view.x.lowerBound, view.x.upperBound, view.y.lowerBound, view.y.upperBound] {
      #expect(abs(bound) <= Limits.coordinate)
    }
    #expect(view.width > 1e140, "it did zoom out as far as the limit allows")
  }

  @Test func anOrdinaryZoomAndPanAreUnchanged() {
    #expect(start.zoomed(by: 2) == Viewport(x: -2.5...2.5, y: -2.5...2.5))
    #expect(start.panned(dx: 0.5, dy: 0) == Viewport(x: 0...10, y: -5...5))
  }
}
