import Foundation
import ArgumentParser

@main
struct Optiscope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optiscope",
    abstract: "See how optimizers behave: live on a loss landscape, or headless.",
    discussion: """
      Without a command, optiscope opens the live visualizer on the tour
      scene (see 'optiscope play --help'); press ? there for every key.

      A scene is a saved session in a YAML file (docs/SCENES.md): landscape,
      runs, view, the live changes made at their steps, and checksums that a
      replay must reproduce. 'optiscope scenes' lists the curated ones;
      replay, run and render take a scene file or a curated scene's name.

      Examples:
        optiscope
        optiscope scenes
        optiscope replay tour
        optiscope replay tour --headless --verify
        optiscope replay my.yaml --headless --break "best < 1e-3"
        optiscope render tour --format cast --output tour.cast
        optiscope play --landscape himmelblau --optimizer pso
        optiscope run --landscape rosenbrock --optimizer adam --steps 2000
        optiscope run -e "sin(x)*cos(y) + 0.1*(x^2+y^2)" -o pso --format json
        optiscope eval --landscape himmelblau --at 3,2
        optiscope list optimizers
        optiscope bench perf
      """,
    subcommands: [
      PlayCommand.self, ReplayCommand.self, ScenesCommand.self, RunCommand.self, EvalCommand.self, ListCommand.self,
      BenchCommand.self, RenderCommand.self,
    ],
    defaultSubcommand: PlayCommand.self)

  /// Parses and runs, printing failures as one line on stderr:
  /// `optiscope: error: …`. Help and version requests print as usual, to
  /// stdout, checked like every result (`StandardOutput`).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
      try StandardOutput.flush()
    } catch {
      exit(after: error)
    }
  }

  /// Ends the process after `error`: its status, and its message on stderr
  /// (help and version text on stdout).
  private static func exit(after error: any Error) -> Never {
    switch error {
    case let error as CommandLineError:
      printError(error.message)
      Foundation.exit(error.exitCode)
    case let code as ExitCode:
      Foundation.exit(code.rawValue)
    case _ where exitCode(for: error) == .success:
      let text = fullMessage(for: error)
      do {
        if !text.isEmpty { try StandardOutput.writeVerbatim(text + "\n") }
      } catch {
        exit(after: error)
      }
      Foundation.exit(0)
    default:
      printError(message(for: error))
      Foundation.exit(exitCode(for: error).rawValue)
    }
  }
}
