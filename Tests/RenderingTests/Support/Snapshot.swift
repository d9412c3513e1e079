import Foundation
import Rendering
import Testing

/// Compares `text` with the golden file Snapshots/<name>.txt, following
/// swift-argument-parser's `assertSnapshot`: with RECORD_SNAPSHOTS=1 in the
/// environment the file is (re)written instead; a mismatch reports a line diff.
func assertSnapshot(
  _ text: String, named name: String, fileExtension: String = "txt",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  // This file sits in Tests/RenderingTests/Support; the goldens beside it.
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent("\(name).\(fileExtension)")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

  if recording {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "no snapshot at \(file.path); run the tests with RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  guard expected != text else { return }
  Issue.record(
    "\(name) differs from its snapshot (- expected, + actual); RECORD_SNAPSHOTS=1 re-records:\n\(lineDiff(expected: expected, actual: text))",
    sourceLocation: sourceLocation)
}

/// Compares a grid's glyphs with its golden file.
func assertSnapshot(
  _ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  assertSnapshot(grid.plainText + "\n", named: name, sourceLocation: sourceLocation)
}

/// The lines removed from `expected` and inserted into `actual`, with their
/// line numbers, marked "-" and "+".
func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var output: [String] = []
  for change in new.difference(from: old) {
    switch change {
    case .remove(let offset, let line, _): output.append("- \(offset + 1): |\(line)|")
    case .insert(let offset, let line, _): output.append("+ \(offset + 1): |\(line)|")
    }
  }
  return output.joined(separator: "\n")
}
