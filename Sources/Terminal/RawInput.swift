/// One thing ncurses read, before it is named: what `wget_wch` returned,
/// with a mouse report and a resize already fetched from ncurses.
enum RawInput: Sendable, Hashable {
  /// A character (wget_wch returned OK): its code point.
  case character(UInt32)
  /// A key code (wget_wch returned KEY_CODE_YES) other than the two below.
  case key(Int32)
  /// KEY_MOUSE, with getmouse's cell and button state.
  case mouse(column: Int, row: Int, state: UInt)
  /// KEY_RESIZE, with the new size.
  case resize(width: Int, height: Int)
}
