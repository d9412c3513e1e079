import Engine
import Rendering
import ViewModel

extension SVGExporter {
  /// The picture of a session, with each run's recorded path as its
  /// trajectory.
  public init(session: Session, recorder: SessionRecorder, view: MapView = MapView(), resolution: Int = 120) {
    self.init(content: FrameContent(session: session, recorder: recorder), view: view, resolution: resolution)
  }
}
