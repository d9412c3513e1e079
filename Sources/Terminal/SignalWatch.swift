import CNcurses
import Glibc

/// The signals the loop answers: quit requests (SIGINT, SIGTERM, SIGHUP),
/// a resume after a suspend (SIGCONT) and crashes (restore the terminal,
/// then let the signal go on).
///
/// The handlers are C functions in the shim; they set flags and write a
/// byte to a pipe, whose read end the loop polls beside stdin, so a signal
/// wakes a loop that is blocked waiting for keys. The shim's state is
/// static per translation unit: every call into it is in this file.
final class SignalWatch {
  /// Poll this for readability: it has bytes once a signal came.
  let wakeDescriptor: Int32
  private let wakeWriter: Int32
  private var isInstalled = false

  init() throws {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else {
      throw TerminalError.systemCallFailed("pipe", String(cString: strerror(errno)))
    }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    wakeDescriptor = descriptors[0]
    wakeWriter = descriptors[1]
  }

  /// Saves the terminal's modes for the crash handler and installs the
  /// handlers: call before newterm, so that ncurses leaves SIGINT and
  /// SIGTERM alone.
  func install() {
    optiscope_save_termios()
    optiscope_install_signal_handlers(wakeWriter)
    isInstalled = true
  }

  /// Once the screen is up: the bytes a crash writes to restore the
  /// terminal, and SIGWINCH chained to the handler newterm installed.
  func screenIsUp(restoreSequence: String) {
    var bytes = Array(restoreSequence.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { optiscope_set_restore_bytes($0.baseAddress, Int32($0.count)) }
    }
    optiscope_chain_window_change()
  }

  /// The quit signal that came since the last call, if any.
  func takeQuitSignal() -> Int32? {
    let signal = optiscope_take_quit_signal()
    return signal == 0 ? nil : signal
  }

  /// True once after each resume from a suspend.
  func takeResumed() -> Bool {
    optiscope_take_resumed() != 0
  }

  /// Empties the wake pipe (its bytes only say "look at the flags").
  func drain() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while buffer.withUnsafeMutableBytes({ Glibc.read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
  }

  /// Puts back the handlers that were there before.
  func uninstall() {
    guard isInstalled else { return }
    isInstalled = false
    optiscope_restore_signal_handlers()
  }

  deinit {
    uninstall()
    close(wakeDescriptor)
    close(wakeWriter)
  }
}
