import Foundation
import Engine
import OptimizerCore
import Rendering

extension AppState {
  /// What the caption says: the scene's title and description. A scene
  /// without a description (a run opened with `play`) gets one made from
  /// what is in it: the landscape with its known minimum, then one line per
  /// run saying what its optimizer does.
  var caption: Caption {
    let scene = player.scene
    let landscape = session.landscape
    var paragraphs = Self.paragraphs(of: scene.description)
    if paragraphs.isEmpty {
      let minimum = landscape.knownMinimum.map { "; its lowest value is f* = \(compactNumber($0.value))" } ?? ""
      paragraphs.append("The landscape is \(landscape.title)\(minimum).")
      for run in session.runs {
        let kind = run.optimizer.kind
        let summary =
          kind.command.map { "your own optimizer, \(kind.label.map { "'\($0)', " } ?? "")run by '\($0)' (docs/PROTOCOL.md)" }
          ?? (try? OptimizerRegistry.entry(named: kind.name))?.descriptor.summary ?? ""
        paragraphs.append("\(session.label(of: run)) — \(summary).")
      }
    }
    return Caption(
      title: scene.title.isEmpty ? landscape.title : scene.title, paragraphs: paragraphs,
      footer: "any key continues · w shows this again · ? lists every key")
  }

  /// A description's paragraphs: blank lines part them, single line breaks
  /// within one are spaces.
  static func paragraphs(of description: String) -> [String] {
    description.components(separatedBy: "\n\n").map {
      $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }.filter { !$0.isEmpty }
  }
}
