/// A foreground and background as the terminal numbers them (-1: the
/// terminal's default).
struct ColourPairKey: Hashable {
  var foreground: Int32
  var background: Int32
}
