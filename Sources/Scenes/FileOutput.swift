import Foundation

/// Every file optiscope writes (scenes, renders, plots, the recovery copy)
/// goes through here, so that none is ever lost, half written or replaced
/// by something else (docs/ARCHITECTURE.md, the `Scenes` target).
public enum FileOutput {
  /// What lies at a path, as writing sees it (symbolic links followed).
  public enum Target: Sendable, Hashable {
    case nothing
    /// A regular file, replaced atomically; read-only when its mode has no
    /// write bit or this process may not write it.
    case file(readOnly: Bool)
    /// A character device (`/dev/null`, a terminal): written into, as a
    /// shell's `>` would, since renaming over it would put a file in the
    /// device's place.
    case device
    /// A FIFO: written into likewise, once a reader opens it.
    case pipe
    case directory
    /// A block device or a socket: never written.
    case unsupported
  }

  public static func target(at path: String) -> Target {
    var info = stat()
    // Any other failure (a missing folder, no permission) is named by the
    // write itself.
    guard stat(path, &info) == 0 else { return .nothing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file(readOnly: info.st_mode & 0o222 == 0 || access(path, W_OK) != 0)
    case S_IFCHR: return .device
    case S_IFIFO: return .pipe
    case S_IFDIR: return .directory
    default: return .unsupported
    }
  }

  /// Writes `text` to `path`. A regular file (or none yet) is written as a
  /// temporary file beside it, flushed to the disk and renamed over it, so
  /// that a crash or a full disk never leaves half a file; the new file
  /// has the old one's mode and owner (where permitted), or 0644 less the
  /// umask. A read-only file is replaced only when `replacingReadOnly`. A
  /// device or a FIFO is written into; a directory is refused. Errors give
  /// the system's reason ("No such file or directory", "Permission
  /// denied", "Is a directory").
  public static func write(_ text: String, to path: String, replacingReadOnly: Bool = false) throws(FileWriteError) {
    switch target(at: path) {
    case .device, .pipe: try streamInto(path, text)
    case .directory: throw FileWriteError(path, errno: EISDIR)
    case .unsupported: throw FileWriteError(path, reason: "it is neither a file nor a character device nor a pipe")
    case .file(readOnly: true) where !replacingReadOnly:
      throw FileWriteError(path, reason: "the file is read-only", isReadOnly: true)
    case .file, .nothing: try replace(path, with: text)
    }
  }

  /// Writes `text` whole into an open descriptor (standard output), named
  /// `name` in errors.
  public static func write(_ text: String, into descriptor: Int32, name: String) throws(FileWriteError) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw FileWriteError(name, errno: errno)
      }
      bytes = bytes.dropFirst(written)
    }
  }

  private static func streamInto(_ path: String, _ text: String) throws(FileWriteError) {
    var descriptor: Int32
    repeat { descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw FileWriteError(path, errno: errno) }
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
      // It became a file since it was looked at: replace it as one.
      return try replace(path, with: text)
    }
    try write(text, into: descriptor, name: path)
  }

  /// The temporary file comes from `mkstemp`: a name no one can guess,
  /// created with O_EXCL (so a planted symbolic link is never followed) and
  /// mode 0600 until it is complete.
  private static func replace(_ path: String, with text: String) throws(FileWriteError) {
    let target = realpath(path, nil).map { resolved in
      defer { free(resolved) }
      return String(cString: resolved)
    } ?? path
    let slash = target.lastIndex(of: "/")
    let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw FileWriteError(path, errno: errno) }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var isOpen = true
    do throws(FileWriteError) {
      try write(text, into: descriptor, name: path)
      var original = stat()
      var mode = 0o644 & ~currentUmask()
      if stat(target, &original) == 0 {
        _ = fchown(descriptor, original.st_uid, original.st_gid)  // only root may give a file away
        mode = original.st_mode & 0o7777
      }
      guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw FileWriteError(path, errno: errno) }
      isOpen = false
      guard close(descriptor) == 0, rename(temporary, target) == 0 else { throw FileWriteError(path, errno: errno) }
    } catch {
      if isOpen { close(descriptor) }
      unlink(temporary)
      throw error
    }
    // The rename itself reaches the disk with the folder.
    let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// The process's umask, read without changing it (umask(2) can only set
  /// it, which would race with threads creating files).
  private static func currentUmask() -> mode_t {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    return line.flatMap { mode_t($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
  }
}

/// Why a file could not be written: `cannot write PATH: reason`.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// The system's reason alone ("No space left on device").
  public var reason: String
  /// The errno behind it, when the system refused.
  public var code: Int32?
  /// True when the file was left alone because it is read-only: the
  /// command line offers `--force`.
  public var isReadOnly: Bool
  public var description: String { message }

  init(_ path: String, reason: String, isReadOnly: Bool = false) {
    message = "cannot write \(path): \(reason)"
    self.reason = reason
    self.isReadOnly = isReadOnly
  }

  init(_ path: String, errno code: Int32) {
    self.init(path, reason: String(cString: strerror(code)))
    self.code = code
  }
}
