import ArgumentParser

/// A frame's size in terminal cells, `WIDTHxHEIGHT` (`120x40`), as
/// `render --size` takes it; anything else is refused by argument-parser
/// like any other option value.
struct CellSize: ExpressibleByArgument {
  let width: Int
  let height: Int

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  init?(argument: String) {
    let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
      return nil
    }
    self.init(width: width, height: height)
  }
}
