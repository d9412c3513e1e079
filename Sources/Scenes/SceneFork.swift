import Engine

/// Where a recording forked from a replayed scene: the scene's title, the
/// step and epoch of the first live change, and how many of its events
/// were kept (those applied by then; the rest were dropped).
///
/// A saved fork is titled after its origin with "(edited)", and its
/// description says what it holds instead of repeating the origin's, which
/// may promise events the fork dropped.
public struct SceneFork: Sendable, Hashable {
  public var title: String
  public var step: Int
  public var epoch: Int
  public var keptEvents: Int
  public var droppedEvents: Int

  /// The origin's title marked as edited (once, however often it forks).
  public var editedTitle: String {
    title.hasSuffix(Self.mark) ? title : title + Self.mark
  }

  static let mark = " (edited)"

  /// How many live changes the description lists before it counts the rest.
  static let listedChanges = 6

  /// What the fork holds, in a few sentences: where it left its origin,
  /// what it kept and dropped, and the changes made since.
  public func description(events: [SceneEvent]) -> String {
    let at = epoch == 0 ? "step \(step)" : "step \(step) after \(epoch) restart\(epoch == 1 ? "" : "s")"
    var text = "Edited from \"\(title)\" at \(at): "
    text += keptEvents == 0 ? "none of its live changes were kept" : "its first \(count(keptEvents, "live change")) kept"
    text += droppedEvents == 0 ? "." : ", \(count(droppedEvents, "later one")) dropped."
    let changes = events.dropFirst(keptEvents)
    if !changes.isEmpty {
      let listed = changes.prefix(Self.listedChanges).map { "\($0.command.summary) (step \($0.step))" }
      let more = changes.count - listed.count
      text += " Then: " + listed.joined(separator: "; ") + (more > 0 ? "; and \(count(more, "more change"))." : ".")
    }
    return text
  }

  private func count(_ n: Int, _ noun: String) -> String {
    n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
  }
}
