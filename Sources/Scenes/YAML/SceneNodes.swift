import OptimizerCore
import Yams

/// The tags of a scene's nodes, made once: making a `Tag` makes a fresh
/// `Constructor` with all its tables, which would be most of the time it
/// takes to write a scene. Sharing them is safe: Yams only ever changes a
/// tag's name when it is implicit (`Tag.resolved(with:)`), and these are
/// not, except `implicit`, which only asks the resolver (never changes it)
/// and is never written.
private enum Tags {
  nonisolated(unsafe) static let implicit = Tag(.implicit)
  nonisolated(unsafe) static let map = Tag(.map)
  nonisolated(unsafe) static let seq = Tag(.seq)
  nonisolated(unsafe) static let str = Tag(.str)
  nonisolated(unsafe) static let float = Tag(.float)
  nonisolated(unsafe) static let int = Tag(.int)
  nonisolated(unsafe) static let bool = Tag(.bool)
  nonisolated(unsafe) static let null = Tag(.null)
}

/// The nodes a scene file is built from. Yams writes them, so quoting and
/// escaping are libyaml's, not ours. Every node carries an explicit tag:
/// the emitter never writes it (a plain or quoted scalar may leave its tag
/// implicit) but then need not run the resolver's patterns on every number.
extension Node {
  /// A mapping written one field a line (sections, runs).
  static func block(_ fields: [(String, Node)]) -> Node {
    .mapping(Mapping(fields.map { (word($0.0), $0.1) }, Tags.map, .block))
  }

  /// A mapping written on one line (`{run: 0, to: [1, 2]}`).
  static func flow(_ fields: [(String, Node)]) -> Node {
    .mapping(Mapping(fields.map { (word($0.0), $0.1) }, Tags.map, .flow))
  }

  /// A word of the format itself (docs/SCENES.md): a field name, a
  /// hyperparameter's, `unlimited`, a colour map's or a scale's. All are
  /// plain words that read as text, so the resolver's patterns need not run
  /// on them.
  static func word(_ name: String) -> Node { .scalar(Scalar(name, Tags.str, .plain)) }

  /// A list written one item a line (`- …`).
  static func blockList(_ items: [Node]) -> Node { .sequence(Sequence(items, Tags.seq, .block)) }

  /// A list written on one line (`[-1.5, 2]`).
  static func flowList(_ items: [Node]) -> Node { .sequence(Sequence(items, Tags.seq, .flow)) }

  /// A point on one line.
  static func point(_ point: Vector) -> Node { flowList(point.components.map(number)) }

  /// Text, plain when libyaml can write it so and it then reads back as
  /// text (not `null`, `yes` or `1e3`, by Yams' own resolver, as Yams'
  /// `String.represented()` decides), otherwise quoted. libyaml itself
  /// turns a plain or single-quoted request into quotes or escapes when the
  /// text needs them (`: `, `#`, leading spaces, control characters).
  static func text(_ text: String, style: Scalar.Style = .plain) -> Node {
    let readsAsOther = style == .plain && Resolver.default.resolveTag(of: .scalar(Scalar(text, Tags.implicit))) != .str
    return .scalar(Scalar(text, Tags.str, readsAsOther ? .singleQuoted : style))
  }

  /// Text always in double quotes (expressions, so that `*` and `^` never
  /// look like YAML).
  static func quoted(_ text: String) -> Node { self.text(text, style: .doubleQuoted) }

  /// A description: a literal block (`|-`) that keeps its line breaks, or
  /// double quotes when a block would not read back the same or would end
  /// the document early. libyaml falls back to quotes for trailing spaces
  /// and control characters itself, and adds an indentation indicator for
  /// leading spaces; but a parser turns CR, NEL and the Unicode line and
  /// paragraph separators in a block into plain line breaks, which only
  /// escapes keep, and after a block that keeps its final line breaks
  /// (`|+`) libyaml closes the document with `...`, where
  /// `ChecksumsSection` could not append.
  static func paragraphs(_ text: String) -> Node {
    let breaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]
    let literal = !text.unicodeScalars.contains(where: breaks.contains) && !text.hasSuffix("\n")
    return self.text(text, style: literal ? .literal : .doubleQuoted)
  }

  /// A number in the one exact form (`exactNumber`); YAML's spellings for
  /// NaN and the infinities.
  static func number(_ value: Double) -> Node {
    let text: String
    if value.isNaN {
      text = ".nan"
    } else if value.isInfinite {
      text = value > 0 ? ".inf" : "-.inf"
    } else {
      text = exactNumber(value)
    }
    return .scalar(Scalar(text, Tags.float, .plain))
  }

  static func integer<Number: BinaryInteger>(_ value: Number) -> Node {
    .scalar(Scalar(String(value), Tags.int, .plain))
  }

  static func flag(_ value: Bool) -> Node { .scalar(Scalar(value ? "true" : "false", Tags.bool, .plain)) }

  static var null: Node { .scalar(Scalar("null", Tags.null, .plain)) }
}
