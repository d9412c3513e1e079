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
      The curated scenes are the scenes/ folder of optiscope's checkout, or
      the folder OPTISCOPE_SCENES names. Play one with 'optiscope replay
      NAME'. A scene that does not load is listed with its error (file, line
      and column) on stderr, and the exit status is then 1.

      Examples:
        optiscope scenes
        optiscope scenes --format json
        OPTISCOPE_SCENES=~/my-scenes optiscope scenes
      """)

  @Option(help: OutputFormat.help([.table, .json, .markdown]))
  var format: OutputFormat = .table

  func validate() throws { try format.require([.table, .json, .markdown]) }

  /// A curated file, read or not.
  struct Entry {
    var name: String
    var path: String
    var outcome: Result<Scene, SceneError>
  }

  func run() throws {
    guard let folder = SceneLibrary.folder else {
      throw CommandLineError("no scenes folder: set OPTISCOPE_SCENES to a folder of .yaml scenes")
    }
    let entries = SceneLibrary.paths().map { path in
      Entry(
        name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, path: path,
        outcome: Result { () throws(SceneError) in try SceneFile.load(path) })
    }
    if entries.isEmpty { printNote("\(folder) has no .yaml scenes") }
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
    }
  }
}
