import Glibc
import Testing

@testable import Terminal

@Suite(.serialized) struct SignalWatchTests {
  /// Sends `signal` to this thread with it unblocked: test threads (the
  /// dispatch workers) block signals, and a process-wide kill could land
  /// on a thread the test does not control.
  private func deliver(_ signal: Int32) {
    var only = sigset_t(), previous = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, signal)
    pthread_sigmask(SIG_UNBLOCK, &only, &previous)
    raise(signal)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
  }

  private func wakeIsReadable(_ watch: SignalWatch) -> Bool {
    var descriptor = pollfd(fd: watch.wakeDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) == 1
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aQuitSignalSetsTheFlagOnceAndWakesThePoll(signal: Int32) throws {
    let watch = try SignalWatch()
    watch.install()
    defer { watch.uninstall() }
    #expect(watch.takeQuitSignal() == nil)
    deliver(signal)
    #expect(wakeIsReadable(watch))
    #expect(watch.takeQuitSignal() == signal)
    #expect(watch.takeQuitSignal() == nil)
    watch.drain()
    #expect(!wakeIsReadable(watch))
  }

  @Test func aResumeIsReportedOnce() throws {
    let watch = try SignalWatch()
    watch.install()
    defer { watch.uninstall() }
    deliver(SIGCONT)
    #expect(watch.takeResumed())
    #expect(!watch.takeResumed())
  }

  /// The address of SIGHUP's handler now (nil: the default action).
  private func hangUpHandler() -> UnsafeRawPointer? {
    var action = sigaction()
    sigaction(SIGHUP, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
  }

  @Test func uninstallingPutsThePreviousHandlerBack() throws {
    let before = hangUpHandler()
    let watch = try SignalWatch()
    watch.install()
    let during = hangUpHandler()
    watch.uninstall()
    #expect(during != before)
    #expect(hangUpHandler() == before)
  }
}
