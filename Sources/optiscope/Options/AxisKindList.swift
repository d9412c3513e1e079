import ArgumentParser
import OptimizerCore

/// `--kinds continuous,boolean`: one axis kind per axis of the landscape,
/// as a scene's `kinds` field takes them (docs/SCENES.md). The names are
/// checked by `validate`, which names a bad one and the nearest kind; how
/// many there must be is only known once the landscape is (`kinds(for:)`).
struct AxisKindList: ExpressibleByArgument {
  /// The items between the commas, as given.
  let names: [String]
  /// As given, for messages.
  let text: String

  init?(argument: String) {
    names = NumberList.items(argument)
    text = argument
  }

  static let known = AxisKind.allCases.map(\.rawValue)

  /// The option's help, with `more` after the common sentence.
  static func help(_ more: String = "") -> ArgumentHelp {
    ArgumentHelp(
      "The kind of each axis, comma-separated, one per axis: \(known.joined(separator: ", ")) (integer axes take whole numbers, boolean ones 0 and 1).\(more)",
      valueName: "kind,…")
  }

  /// Refuses a name that is no axis kind, naming it, its place and the
  /// nearest kind.
  func validate(option: String) throws {
    if let problem = unknownKind(option: option) { throw ValidationError(problem) }
  }

  private func unknownKind(option: String) -> String? {
    guard let index = names.firstIndex(where: { AxisKind(rawValue: $0) == nil }) else { return nil }
    let name = names[index]
    let shown = name.isEmpty ? "an empty kind" : "'\(name)'"
    return
      "\(option) '\(text)': \(shown) for axis \(index + 1) is not an axis kind (\(Self.known.joined(separator: ", ")))\(suggestionSuffix(for: name, in: Self.known))"
  }

  /// The kinds for a landscape with `dimension` axes: exactly one each.
  func kinds(option: String, dimension: Int) throws -> [AxisKind] {
    if let problem = unknownKind(option: option) { throw CommandLineError(problem) }
    guard names.count == dimension else {
      throw CommandLineError(
        "\(option) '\(text)' gives \(names.count) kind\(names.count == 1 ? "" : "s"); the landscape has \(dimension) ax\(dimension == 1 ? "is" : "es"), so give \(dimension), one per axis")
    }
    return names.compactMap(AxisKind.init(rawValue:))
  }
}
