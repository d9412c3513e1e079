/// CSV written to stdout as its rows are made (`run --format csv` of a
/// trillion steps never holds more than a chunk): rows gather into chunks
/// of about 64 KiB, each written and checked by `StandardOutput`, so that
/// a full disk stops the run at the chunk that failed. Cells are quoted
/// as `TextTable.csvCell` quotes them; every row ends with a line break.
/// Cells are numbers and registry names, never text from a file, so
/// chunks are written as they are (`StandardOutput.writeVerbatim`).
struct CSVStream {
  private var chunk = ""
  private static let chunkSize = 1 << 16

  /// Starts the stream with its header row.
  init(header: [String]) throws {
    try append(header)
  }

  mutating func append(_ row: [String]) throws {
    chunk += row.map(TextTable.csvCell).joined(separator: ",")
    chunk += "\n"
    if chunk.utf8.count >= Self.chunkSize { try flush() }
  }

  /// Writes what is left; call once after the last row.
  mutating func finish() throws { try flush() }

  private mutating func flush() throws {
    guard !chunk.isEmpty else { return }
    try StandardOutput.writeVerbatim(chunk)
    chunk.removeAll(keepingCapacity: true)
  }
}
