import Foundation
import OptimizerCore
import Testing

/// docs/OPTIMIZERS.md documents every optimizer, every descent part and
/// every option, and the scenes it points to exist.
@Suite struct OptimizerDocumentTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let text = (try? String(contentsOf: root.appendingPathComponent("docs/OPTIMIZERS.md"), encoding: .utf8)) ?? ""

  /// Each section's text under the name of its heading (`### \`pso\``,
  /// `#### \`adam\` (update rule)`); a name with two sections gets both.
  static let sections: [String: String] = {
    var sections: [String: String] = [:]
    var name: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#") {
        let heading = line.drop { $0 == "#" || $0 == " " }
        name = heading.hasPrefix("`") ? heading.dropFirst().prefix { $0 != "`" }.description : nil
      }
      if let name { sections[name, default: ""] += line + "\n" }
    }
    return sections
  }()

  static let parts = DescentParts.gradientNames + DescentParts.updateNames + DescentParts.guardNames

  @Test func everyOptimizerHasASection() {
    #expect(!Self.text.isEmpty, "docs/OPTIMIZERS.md is missing")
    for name in OptimizerRegistry.names { #expect(Self.sections[name] != nil, "no section for \(name)") }
  }

  @Test func everyPartHasASection() {
    for name in Self.parts { #expect(Self.sections[name] != nil, "no section for the part \(name)") }
  }

  /// An option is documented in its optimizer's section, in the section of
  /// one of its parts, in the paragraph every random source shares, or for
  /// an optimizer built from parts in the paragraph every descent shares.
  @Test func everyOptionIsDocumentedWhereItBelongs() throws {
    let shared = Self.text.components(separatedBy: "Options of every random source").dropFirst().first ?? ""
    let descents = Self.text.components(separatedBy: "Options of every descent").dropFirst().first ?? ""
    for entry in OptimizerRegistry.entries {
      var kinds = [OptimizerKind(name: entry.name, parts: entry.defaultParts)]
      if entry.takesParts {
        kinds += DescentParts.gradientNames.map {
          OptimizerKind(name: entry.name, parts: DescentParts(gradient: $0, update: "sgd"))
        }
        kinds += DescentParts.updateNames.map {
          OptimizerKind(name: entry.name, parts: DescentParts(gradient: "spsa", update: $0))
        }
        kinds += DescentParts.guardNames.map {
          OptimizerKind(name: entry.name, parts: DescentParts(gradient: "spsa", update: "sgd", guards: [$0]))
        }
      }
      for kind in kinds {
        let names = kind.parts.map { [$0.gradient, $0.update] + $0.guards } ?? []
        let places =
          ([entry.name] + names).compactMap { Self.sections[$0] }.joined() + shared.prefix(1000)
          + (kind.parts == nil ? "" : descents.prefix(600))
        for spec in try entry.specs(for: kind) {
          #expect(places.contains("`\(spec.name)`"), "\(spec.name) of \(kind.displayName) is not documented")
        }
      }
    }
  }

  @Test func everySceneItNamesExists() {
    let named = Self.text.matches(of: /scenes\/([a-z0-9-]+)\.yaml/).map { String($0.1) }
    #expect(named.count > 10)
    for name in Set(named) {
      let path = Self.root.appendingPathComponent("scenes/\(name).yaml").path
      #expect(FileManager.default.fileExists(atPath: path), "scenes/\(name).yaml is named but does not exist")
    }
  }
}
