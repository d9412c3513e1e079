import ArgumentParser

@main
struct Optiscope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optiscope",
    abstract: "See how optimizers behave: live on a loss landscape, or headless.",
    discussion: """
      Examples:
        optiscope run --landscape rosenbrock --optimizer adam --steps 2000
        optiscope eval --landscape himmelblau --at 3,2
        optiscope list optimizers
      """,
    subcommands: [])
}
