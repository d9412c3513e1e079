import Foundation
import PackagePlugin

/// Builds the curated scenes of `scenes/` into the target that uses this
/// plugin, so that a copied `optiscope` binary lists and replays them
/// without its checkout: `EmbedScenesTool` turns every `scenes/*.yaml` into
/// a string literal of one generated Swift file. Adding, changing or
/// removing a scene file rebuilds it.
@main struct EmbedScenes: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "scenes")
    let scenes = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "yaml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "CuratedScenes.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(scenes.count) curated scenes into \(target.name)",
        executable: try context.tool(named: "EmbedScenesTool").url,
        arguments: [output.path] + scenes.map(\.path),
        inputFiles: [folder] + scenes,
        outputFiles: [output])
    ]
  }
}
