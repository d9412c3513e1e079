import Foundation
import OptimizerCore
import Scenes

/// A scene named on the command line: a file, or a curated scene's name.
struct LoadedScene {
  var scene: Scene
  /// Where it was read from.
  var source: SceneSource
  /// What errors and reports call it: its path, or `NAME (built in)`.
  var label: String { source.label }

  /// Reads the scene `nameOrPath` names. A name that is neither a file nor
  /// a curated scene says so and suggests the nearest curated name; a file
  /// that does not read prints as `FILE:LINE:COLUMN: message` with the line
  /// and a caret under it.
  init(_ nameOrPath: String) throws {
    guard let source = SceneLibrary.source(nameOrPath) else {
      let suggestion = suggestionSuffix(for: nameOrPath, in: SceneLibrary.names)
      throw CommandLineError(
        "no scene '\(nameOrPath)': no such file, nor a curated scene"
          + (suggestion.isEmpty ? " ('optiscope scenes' lists them)" : suggestion))
    }
    try self.init(source)
  }

  /// Reads a scene from where `source` says.
  init(_ source: SceneSource) throws {
    do { scene = try source.load() } catch { throw CommandLineError.failure(error.description) }
    self.source = source
  }
}

/// The conditions of `--break`, each read and checked against `scene`, or
/// the first that does not read or cannot hold there, shown with a caret
/// under its column.
func parseBreakpoints(_ conditions: [String], in scene: Scene) throws -> [Breakpoint] {
  try conditions.map { text in
    do throws(BreakpointError) {
      let breakpoint = try Breakpoint.parse(text)
      try breakpoint.check(in: scene)
      return breakpoint
    } catch {
      // Control characters show escaped, the caret under the escaped text.
      let before = text.prefix(max(error.column - 1, 0)).escapingControlCharacters()
      let after = text.dropFirst(max(error.column - 1, 0)).escapingControlCharacters()
      let quoted = QuotedLine(before + after, column: before.count + 1, tokenWidth: 1)
      throw CommandLineError(
        "--break '\(QuotedLine.excerpt(before + after))': \(error.message) at column \(error.column)\n  \(quoted.text)\n  \(quoted.caretLine)")
    }
  }
}

/// Refuses options that a scene brings itself (landscape, runs, seed,
/// length) when a command was given both.
func refuseBeside(scene: String, options: [String]) throws {
  guard !options.isEmpty else { return }
  throw CommandLineError(
    "a scene brings its own landscape, runs, seed and length; give either SCENE ('\(scene)') or \(options.joined(separator: ", ")), not both")
}

/// For commands that take a SCENE or the landscape options: fails when
/// neither chose anything to run.
func requireSceneOrLandscape(_ landscape: LandscapeOptions) throws {
  guard landscape.landscape == nil, landscape.expression == nil, landscape.function.landscapeCommand == nil else { return }
  throw CommandLineError("give a SCENE (a file or a curated name), or a landscape with --landscape NAME, --expression \"EXPR\" or --landscape-command \"CMD\"")
}
