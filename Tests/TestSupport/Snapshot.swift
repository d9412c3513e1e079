import Foundation
import Rendering
import Testing

/// Compares `text` with Snapshots/<name>.<fileExtension> beside the calling
/// test file (`assertGolden`: RECORD=1 re-records, a mismatch shows a line
/// diff).
public func assertSnapshot(
  _ text: String, named name: String, fileExtension: String = "txt", filePath: StaticString = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let caller = URL(fileURLWithPath: "\(filePath)")
  let file = caller.deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).\(fileExtension)")
  assertGolden(text, file: file, suite: caller.deletingPathExtension().lastPathComponent, sourceLocation: sourceLocation)
}

/// Compares a grid, glyphs and styles, with its snapshot (`StyledSnapshot`).
public func assertSnapshot(
  _ grid: CellGrid, named name: String, filePath: StaticString = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  assertSnapshot(StyledSnapshot.text(of: grid), named: name, filePath: filePath, sourceLocation: sourceLocation)
}
