import Foundation
import Testing

/// `optiscope scenes`, curated names, and the errors of the scene commands.
@Suite struct ScenesCommandTests {
  /// A folder of curated scenes: two that load and one that does not.
  func library() throws -> SceneFiles {
    let files = try SceneFiles()
    try files.write("annealing.yaml", SceneFiles.annealing)
    try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    try files.write("broken.yaml", SceneFiles.unknownOptimizer)
    try files.write("notes.txt", "not a scene")
    return files
  }

  @Test func theTableListsEveryScene() throws {
    let files = try library()
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["scenes"], environment: ["OPTISCOPE_SCENES": files.folder.path])
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.count == 2 + 3, "header, rule and a line per .yaml file")
    let annealing = try #require(lines.first { $0.hasPrefix("annealing ") })
    #expect(annealing.contains("Annealing beside a swarm") && annealing.contains("rastrigin"))
    #expect(annealing.contains(" 80 ") && annealing.contains("simulated-annealing, pso, adam"))
    let himmelblau = try #require(lines.first { $0.hasPrefix("himmelblau ") })
    #expect(himmelblau.contains("Two runs on Himmelblau") && himmelblau.contains("nelder-mead, spsa"))
    let broken = try #require(lines.first { $0.hasPrefix("broken ") })
    #expect(broken.contains("line 8, column 16"))
    #expect(outcome.status == 1, "a scene that does not load fails the listing")
    #expect(outcome.stderr.contains("broken.yaml:8:16: unknown optimizer 'adma'"))
  }

  @Test func jsonHasEverySceneAndTheBrokenOnesError() throws {
    let files = try library()
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["scenes", "--format", "json"], environment: ["OPTISCOPE_SCENES": files.folder.path])
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    #expect(entries.map { $0["name"] as? String } == ["annealing", "broken", "himmelblau"])
    #expect(entries[0]["steps"] as? Int == 80 && entries[0]["events"] as? Int == 2)
    #expect(entries[0]["optimizers"] as? [String] == ["simulated-annealing", "pso", "adam"])
    #expect((entries[1]["error"] as? String)?.contains("broken.yaml:8:16") == true)
  }

  @Test func aCuratedSceneIsFoundByName() throws {
    let files = try library()
    defer { files.remove() }
    let environment = ["OPTISCOPE_SCENES": files.folder.path]
    let outcome = try OptiscopeProcess.run(["replay", "himmelblau", "--headless", "--break", "step == 3"], environment: environment)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix(files.folder.appendingPathComponent("himmelblau.yaml").path + ": stopped at step 3"))
    let misspelt = try OptiscopeProcess.run(["render", "himmelblua"], environment: environment)
    #expect(misspelt.status == 64, "an unknown name is a wrong command line")
    #expect(misspelt.stderr.contains("no scene 'himmelblua'") && misspelt.stderr.contains("did you mean 'himmelblau'?"))
  }

  // MARK: - Errors

  @Test func aMissingSceneFileIsOneClearLine() throws {
    let outcome = try OptiscopeProcess.run(["replay", "/no/such/scene.yaml", "--headless", "--verify"])
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.hasPrefix("optiscope: error: no scene '/no/such/scene.yaml': no such file"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }

  @Test func aSceneThatDoesNotLoadShowsFileLineColumnAndACaret() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("broken.yaml", SceneFiles.unknownOptimizer)
    for arguments in [["replay", path, "--headless", "--verify"], ["run", path], ["render", path]] {
      let outcome = try OptiscopeProcess.run(arguments)
      #expect(outcome.status == 2)
      let lines = outcome.stderr.split(separator: "\n").map(String.init)
      #expect(lines.count == 3)
      #expect(lines[0].hasPrefix("optiscope: error: \(path):8:16: unknown optimizer 'adma'"))
      #expect(lines[1] == "    - optimizer: adma")
      #expect(lines[2] == "                 ^^^^")
    }
  }

  @Test func aBadBreakConditionShowsItsColumn() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--break", "best < lots"])
    #expect(outcome.status == 64)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.contains("--break 'best < lots': expected a number, got 'lots' at column 8") == true)
    #expect(lines.count == 3 && lines[1] == "  best < lots" && lines[2] == "         ^")
  }

  @Test func aLongBadBreakConditionIsQuotedShort() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let condition = "best < " + String(repeating: "9", count: 5000) + "x"
    let outcome = try OptiscopeProcess.run(["replay", path, "--headless", "--break", condition])
    #expect(outcome.status == 64)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 3 && lines.allSatisfy { $0.count < 300 }, "\(lines.map(\.count))")
    #expect(lines.first?.hasPrefix("optiscope: error: --break 'best < 999") == true, "\(lines.first ?? "")")
  }

  @Test func aSceneBesideLandscapeOptionsIsRefused() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    for command in ["run", "render"] {
      let outcome = try OptiscopeProcess.run([command, path, "--landscape", "sphere", "--optimizer", "adam"])
      #expect(outcome.status == 64)
      #expect(outcome.stderr.contains("give either SCENE") && outcome.stderr.contains("--landscape, --optimizer"))
    }
    let steps = try OptiscopeProcess.run(["run", path, "--steps", "5"])
    #expect(steps.stderr.contains("--steps"))
    let neither = try OptiscopeProcess.run(["run"])
    #expect(neither.status == 64 && neither.stderr.contains("give a SCENE"))
  }

  @Test func headlessModesAreExplained() throws {
    let none = try OptiscopeProcess.run(["replay", "x.yaml", "--headless"])
    #expect(none.status != 0 && none.stderr.contains("--headless needs --verify, --break or --record"))
    let verify = try OptiscopeProcess.run(["replay", "x.yaml", "--verify"])
    #expect(verify.status != 0 && verify.stderr.contains("add --headless"))
    let until = try OptiscopeProcess.run(["replay", "x.yaml", "--headless", "--record", "--until", "3"])
    #expect(until.status != 0 && until.stderr.contains("--until goes with --verify"))
  }

  @Test func helpMentionsScenes() throws {
    let top = try OptiscopeProcess.run(["--help"])
    #expect(top.stdout.contains("replay") && top.stdout.contains("optiscope scenes"))
    for command in ["replay", "scenes", "run", "render"] {
      let help = try OptiscopeProcess.run([command, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("scene"), "\(command) --help does not mention scenes")
      #expect(help.stdout.contains("optiscope \(command)"), "\(command) --help has no example")
    }
  }
}
