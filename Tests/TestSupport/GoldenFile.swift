import Foundation
import Testing

/// Compares `text` with the golden file at `file`, following
/// swift-argument-parser's `assertSnapshot`: with RECORD=1 the file is
/// (re)written instead; a mismatch reports a line diff and how to re-record
/// (`suite` names the tests to filter on).
public func assertGolden(
  _ text: String, file: URL, suite: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  if Recording.isOn {
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record("no golden file at \(file.path); record it with \(Recording.hint(for: suite))", sourceLocation: sourceLocation)
    return
  }
  guard expected != text else { return }
  Issue.record(
    """
    \(file.lastPathComponent) differs (- recorded, + now); if the change is intended, \
    re-record with \(Recording.hint(for: suite)) and read the diff:
    \(lineDiff(expected: expected, actual: text))
    """,
    sourceLocation: sourceLocation)
}
