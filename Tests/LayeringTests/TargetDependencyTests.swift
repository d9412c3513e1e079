import Foundation
import Testing

/// The package's one-way layering holds in the manifest and in the code:
/// Scenes knows no screen, and every target declares each module it
/// imports (a module a target reaches only through another's dependency
/// builds today, but the layering no longer says what it uses).
@Suite struct TargetDependencyTests {
  /// The checkout's root: this file is Tests/LayeringTests/….
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Each target's name, folder and the modules it declares.
  struct Target: Decodable {
    var name: String
    var type: String
    var path: String?
    var dependencies: [Dependency]

    /// A declared dependency: a target of the package or a library's product.
    struct Dependency: Decodable {
      var module: String
      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let cases = try container.decode([String: [Value?]].self)
        guard case .text(let name)? = cases.values.first?.first else {
          throw DecodingError.dataCorruptedError(in: container, debugDescription: "a dependency without a name")
        }
        module = name
      }
    }

    /// The name inside `{"byName": ["Engine", null]}` and its kin.
    enum Value: Decodable {
      case text(String), other
      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = (try? container.decode(String.self)).map(Value.text) ?? .other
      }
    }

    var folder: URL { root.appendingPathComponent(path ?? (type == "test" ? "Tests/\(name)" : "Sources/\(name)")) }
  }

  /// The manifest as SwiftPM reads it. A scratch folder of its own keeps
  /// it clear of the lock that the running `swift test` holds on .build.
  static func targets() throws -> [Target] {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-manifest-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "package", "--package-path", root.path, "--scratch-path", scratch.path, "dump-package"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Manifest: Decodable { var targets: [Target] }
    return try JSONDecoder().decode(Manifest.self, from: data).targets
  }

  /// The modules a folder's Swift files import.
  static func imports(in folder: URL) throws -> Set<String> {
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    var modules: Set<String> = []
    for file in files {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        if let match = line.wholeMatch(of: #/(?:@testable )?import (\w+)/#) { modules.insert(String(match.1)) }
      }
    }
    return modules
  }

  @Test func scenesKnowsNoScreen() throws {
    let scenes = try #require(try Self.targets().first { $0.name == "Scenes" })
    let declared = Set(scenes.dependencies.map(\.module))
    #expect(declared.isDisjoint(with: ["Rendering", "Exports", "Visualizer", "Terminal"]), "\(declared)")
    #expect(try Self.imports(in: scenes.folder).isDisjoint(with: ["Rendering", "Exports", "Visualizer", "Terminal"]))
  }

  @Test func everyTargetDeclaresEachModuleItImports() throws {
    let targets = try Self.targets()
    // The modules the package could declare: its targets and the products
    // some target depends on. Anything else (Foundation, Glibc, Testing …)
    // comes with the toolchain.
    let declarable = Set(targets.map(\.name)).union(targets.flatMap { $0.dependencies.map(\.module) })
    for target in targets where target.type != "system-target" {
      let declared = Set(target.dependencies.map(\.module))
      let undeclared = try Self.imports(in: target.folder).intersection(declarable).subtracting(declared)
        .subtracting([target.name])
      #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared.sorted()) without declaring them")
    }
  }
}
