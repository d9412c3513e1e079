import Foundation

/// A progress bar on stderr: redrawn in place on a terminal, a line every
/// 10 % otherwise (so logs stay readable). Safe to call from any thread.
final class ProgressBar: @unchecked Sendable {
  private let label: String
  private let isTerminal = isatty(STDERR_FILENO) != 0
  private let lock = NSLock()
  private var lastDecile = -1
  private var drawn = false

  init(label: String) { self.label = label }

  func update(done: Int, total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    if isTerminal {
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      // The carriage return after the bar, not before it: the note's own
      // text has its control characters escaped.
      printNote("\(label) \(bar) \(done)/\(total) runs", terminator: "\r")
      drawn = true
    } else {
      let decile = Int(fraction * 10)
      if decile > lastDecile {
        lastDecile = decile
        printNote("\(label): \(done)/\(total) runs (\(decile * 10)%)")
      }
    }
  }

  /// Ends the bar's line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { printNote("") }
  }
}
