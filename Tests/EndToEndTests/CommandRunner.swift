import Foundation

/// Runs a command to completion and collects what it printed.
///
/// It spawns with posix_spawn rather than Foundation's Process: the test
/// runner's threads block most signals, and a child inherits its parent
/// thread's mask. A tmux server started with SIGCHLD and SIGTERM blocked
/// never answers its client, and a program in its panes would never see
/// Ctrl-C. Here every child starts with no signal blocked and the usual
/// signals at their default actions.
enum CommandRunner {
  struct Outcome {
    /// The exit status, or 128 + n when signal n ended the command.
    var status: Int32
    var stdout: String
    var stderr: String
    /// With `measuringMemory`, the most memory the command held resident,
    /// in KiB: Linux's VmHWM, sampled while it runs. (wait4's ru_maxrss
    /// would count the test runner's own memory: a posix_spawn child shares
    /// its parent's memory until exec, and Linux keeps that high-water mark.)
    var peakResidentKilobytes: Int?
  }

  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// The signals a child gets back at their default actions.
  private static let defaultSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH, SIGTSTP, SIGCONT]

  /// Runs `executable` with `arguments` and `environment` (nil: this
  /// process's); stdin is /dev/null, stdout and stderr go to temporary
  /// files that are read back, or stdout into the file at `standardOutput`
  /// (/dev/full, a FIFO), opened for writing as a shell's `>` opens it.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, standardOutput: String? = nil,
    measuringMemory: Bool = false
  ) throws -> Outcome {
    let directory = FileManager.default.temporaryDirectory
    let token = UUID().uuidString
    let outPath = directory.appendingPathComponent("optiscope-e2e-\(token).out").path
    let errPath = directory.appendingPathComponent("optiscope-e2e-\(token).err").path
    defer {
      try? FileManager.default.removeItem(atPath: outPath)
      try? FileManager.default.removeItem(atPath: errPath)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var nothingBlocked = sigset_t(), usual = sigset_t()
    sigemptyset(&nothingBlocked)
    sigemptyset(&usual)
    for signal in defaultSignals { sigaddset(&usual, signal) }
    posix_spawnattr_setsigmask(&attributes, &nothingBlocked)
    posix_spawnattr_setsigdefault(&attributes, &usual)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let variables = (environment ?? ProcessInfo.processInfo.environment).map { "\($0)=\($1)" }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = variables.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw Failure(message: "could not start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var peak: Int?
    if measuringMemory {
      while waitpid(pid, &status, WNOHANG) == 0 {
        if let sample = highWaterMark(of: pid) { peak = max(peak ?? 0, sample) }
        usleep(5_000)
      }
    } else {
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    let signal = status & 0x7F
    return Outcome(
      status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      peakResidentKilobytes: peak)
  }

  /// The VmHWM line of a running process's /proc status, in KiB.
  private static func highWaterMark(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
  }

  /// The full path of `name` on PATH, if it is there.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
