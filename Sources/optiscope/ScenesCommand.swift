import ArgumentParser
import Engine
import Foundation
import Scenes

/// `optiscope scenes`: the curated scenes with their titles.
struct ScenesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenes",
    abstract: "List the curated scenes: name, title, landscape, length and optimizers.",
    discussion: """
      The curated scenes are built into optiscope (from the scenes/ folder of
      its checkout); OPTISCOPE_SCENES names a folder of .yaml scenes to list
      instead. Play one with 'optiscope replay NAME'. A scene that does not
      load is listed with its error (file, line and column) on stderr, and
      the exit status is then 1.

      Examples:
        optiscope scenes
        optiscope scenes --format json
        OPTISCOPE_SCENES=~/my-scenes optiscope scenes
      """)

  @Option(help: OutputFormat.help([.table, .json, .markdown]))
  var format: OutputFormat = .table

  func validate() throws { try format.require([.table, .json, .markdown]) }

  /// A curated scene, read or not.
  struct Entry {
    var name: String
    /// Its file; nil for a built-in scene.
    var path: String?
    var outcome: Result<Scene, SceneError>
  }

  func run() throws {
    let entries = SceneLibrary.scenes().map { source in
      Entry(name: source.name, path: source.path, outcome: Result { () throws(SceneError) in try source.load() })
    }
    if entries.isEmpty { printNote("\(SceneLibrary.folder ?? "optiscope") has no .yaml scenes") }
    switch format {
    case .json:
      try StandardOutput.writeVerbatim(jsonText(entries.map(SceneEntryDocument.init)) + "\n")
    default:
      var table = TextTable(["name", "title", "landscape", "steps", "optimizers"])
      for entry in entries {
        switch entry.outcome {
        case .success(let scene):
          table.append([
            entry.name, scene.title, Self.landscapeName(scene.landscape), String(scene.steps),
            scene.runs.map(\.configuration.kind.displayName).joined(separator: ", "),
          ])
        case .failure(let error):
          let place = error.line.map { line in " (line \(line)\(error.column.map { ", column \($0)" } ?? ""))" } ?? ""
          table.append([entry.name, "does not load\(place): see below", "", "", ""])
        }
      }
      try StandardOutput.write(format == .markdown ? table.markdown() : table.rendered())
    }
    let broken = entries.compactMap { entry -> SceneError? in
      if case .failure(let error) = entry.outcome { return error } else { return nil }
    }
    for error in broken { printError(error.description) }
    if !broken.isEmpty { throw ExitCode(1) }
  }

  /// A built-in's name (with its dimension when not 2), or the expression.
  static func landscapeName(_ source: LandscapeSource) -> String {
    switch source.function {
    case .named(let name): return source.dimension == 2 ? name : "\(name) (n = \(source.dimension))"
    case .expression(let text): return text
    case .command(let command, _): return command
    }
  }
}
