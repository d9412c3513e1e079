import Scenes

/// What `scenes --format json` prints about a curated scene: its facts, or
/// why it does not load (the fields of the other case left out). `path`
/// is there for a scene file, not for a built-in scene.
struct SceneEntryDocument: Encodable {
  let name: String
  let path: String?
  var title: String?
  var description: String?
  var landscape: String?
  var steps: Int?
  var events: Int?
  var checksums: Bool?
  var optimizers: [String]?
  var error: String?

  init(_ entry: ScenesCommand.Entry) {
    name = entry.name
    path = entry.path
    switch entry.outcome {
    case .success(let scene):
      title = scene.title
      description = scene.description
      landscape = ScenesCommand.landscapeName(scene.landscape)
      steps = scene.steps
      events = scene.events.count
      checksums = scene.checksums != nil
      optimizers = scene.runs.map(\.configuration.kind.displayName)
    case .failure(let failure):
      error = failure.description
    }
  }
}
