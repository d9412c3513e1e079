import ArgumentParser

/// A frame's size in terminal cells, `WIDTHxHEIGHT` (`120x40`), as
/// `render --size` takes it. Text that is not two whole numbers around an
/// `x` is refused by argument-parser like any other option value; the
/// numbers are checked by `validate`.
struct CellSize: ExpressibleByArgument {
  /// The most cells a side may have: a 1000×1000 frame is a million cells,
  /// a few tens of megabytes once styled, and far more than any terminal.
  static let maximum = 1000

  let width: Int
  let height: Int

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  init?(argument: String) {
    let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
    self.init(width: width, height: height)
  }

  /// Refuses a side that is not positive, or longer than `maximum`.
  func validate(option: String) throws {
    let given = "\(option) \(width)x\(height)"
    guard width > 0, height > 0 else { throw ValidationError("\(given): sizes must be positive") }
    guard width <= Self.maximum, height <= Self.maximum else {
      throw ValidationError("\(given): a frame is at most \(Self.maximum)x\(Self.maximum) cells")
    }
  }
}
