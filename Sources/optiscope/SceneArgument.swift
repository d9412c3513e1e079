import Foundation
import OptimizerCore
import Scenes

/// A scene named on the command line: a file, or a curated scene's name.
struct LoadedScene {
  var scene: Scene
  /// The file it was read from, as errors and reports name it.
  var path: String

  /// Reads the scene `nameOrPath` names. A name that is neither a file nor
  /// a curated scene says so and suggests the nearest curated name; a file
  /// that does not read prints as `FILE:LINE:COLUMN: message` with the line
  /// and a caret under it.
  init(_ nameOrPath: String) throws {
    let path = SceneLibrary.resolve(nameOrPath)
    guard FileManager.default.fileExists(atPath: path) else {
      let suggestion = suggestionSuffix(for: nameOrPath, in: SceneLibrary.names)
      throw CommandLineError(
        "no scene '\(nameOrPath)': no such file, nor a curated scene"
          + (suggestion.isEmpty ? " ('optiscope scenes' lists them)" : suggestion))
    }
    do { scene = try SceneFile.load(path) } catch { throw CommandLineError(error.description) }
    self.path = path
  }
}

/// The conditions of `--break`, or the first that does not read, shown
/// with a caret under its column.
func parseBreakpoints(_ conditions: [String]) throws -> [Breakpoint] {
  try conditions.map { text in
    do throws(BreakpointError) { return try Breakpoint.parse(text) } catch {
      // Control characters show escaped, the caret under the escaped text.
      let before = text.prefix(max(error.column - 1, 0)).escapingControlCharacters()
      let caret = String(repeating: " ", count: before.count) + "^"
      let shown = text.escapingControlCharacters()
      throw CommandLineError("--break '\(shown)': \(error.message) at column \(error.column)\n  \(shown)\n  \(caret)")
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
  guard landscape.landscape == nil, landscape.expression == nil else { return }
  throw CommandLineError("give a SCENE (a file or a curated name), or a landscape with --landscape NAME or --expression \"EXPR\"")
}
