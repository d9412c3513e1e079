import Foundation
import Scenes
import Testing
import Exports

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `render SCENE` and `run SCENE`: frames, casts and trajectories of a
/// scene's replay.
@Suite struct SceneExportTests {
  @Test func aTextFrameShowsTheLandscapeAndTheStepAndTitleInTheStatusLine() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["render", path, "--at", "37", "--size", "100x30"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30)
    #expect(lines.first?.hasPrefix("Rastrigin") == true)
    let status = try #require(lines.last)
    #expect(status.contains("step 37") && status.contains("Annealing beside a swarm"))
    #expect(!outcome.stdout.contains("\u{1B}"))
  }

  @Test func aFrameAfterTheResetNamesItsEpoch() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["render", path, "--size", "100x30"])
    let status = try #require(outcome.stdout.split(separator: "\n").last)
    #expect(status.contains("step 80") && status.contains("epoch 1"))
  }

  @Test func aStepPastTheEndIsAnError() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let outcome = try OptiscopeProcess.run(["render", path, "--at", "26"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("ends at step 25") && outcome.stderr.contains("step 26"))
  }

  @Test func svgIsWellFormedWithATrajectoryPerRunAndTheSceneTitle() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let outcome = try OptiscopeProcess.run(["render", path, "--at", "20", "--format", "svg"])
    #expect(outcome.status == 0)
    final class Reader: NSObject, XMLParserDelegate {
      var polylines = 0, texts: [String] = [], inText = false
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "polyline" { polylines += 1 }
        if name == "text" { inText = true; texts.append("") }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { texts[texts.count - 1] += string } }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
      }
    }
    let parser = XMLParser(data: Data(outcome.stdout.utf8))
    let reader = Reader()
    parser.delegate = reader
    #expect(parser.parse(), "the SVG is not well-formed XML")
    #expect(reader.polylines == 2)
    #expect(reader.texts.contains { $0.hasPrefix("Two runs on Himmelblau — Himmelblau — step 20") })
  }

  @Test func theScenesViewIsOverriddenByGivenOptions() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let own = try OptiscopeProcess.run(["render", path, "--at", "5"])
    #expect(own.stdout.split(separator: "\n").first?.contains("log scale  magma") == true)
    let overridden = try OptiscopeProcess.run(["render", path, "--at", "5", "--colour-map", "cividis", "--scale", "rank"])
    #expect(overridden.stdout.split(separator: "\n").first?.contains("rank scale  cividis") == true)
  }

  // MARK: - Asciicast

  /// A terminal screen that plays a cast's output: cursor moves, styles
  /// and glyphs, nothing else.
  struct Screen {
    struct Cell: Equatable { var style: String; var glyph: Character }
    let width: Int, height: Int
    var cells: [[Cell?]]
    var outOfBounds = 0

    init(width: Int, height: Int) {
      self.width = width
      self.height = height
      cells = Array(repeating: Array(repeating: nil, count: width), count: height)
    }

    /// Applies `data`: ESC[r;cH moves, ESC[…m sets the style, ESC[…l and
    /// ESC[2J change no cell, anything else is a glyph at the cursor.
    mutating func play(_ data: String) {
      var (row, column, style) = (0, 0, "")
      let characters = Array(data)
      var index = 0
      while index < characters.count {
        if characters[index] == "\u{1B}" {
          var end = index + 1
          while end < characters.count, !characters[end].isLetter { end += 1 }
          let sequence = String(characters[index...end])
          if characters[end] == "H" {
            let numbers = sequence.dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
            (row, column) = (numbers[0] - 1, numbers[1] - 1)
          } else if characters[end] == "m" {
            style = sequence
          }
          index = end + 1
          continue
        }
        if row < height, column < width { cells[row][column] = Cell(style: style, glyph: characters[index]) } else { outOfBounds += 1 }
        column += 1
        index += 1
      }
    }

    /// The screen `Export.ansi` text describes: each glyph with the last
    /// style before it.
    static func of(ansi: String, width: Int, height: Int) -> Screen {
      var screen = Screen(width: width, height: height)
      for (row, line) in ansi.split(separator: "\n").prefix(height).enumerated() {
        screen.play("\u{1B}[\(row + 1);1H" + line)
      }
      return screen
    }
  }

  /// The cast's lines, each parsed as JSON.
  func castLines(_ path: String) throws -> (header: [String: Any], frames: [(Double, String)]) {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    let frames = try lines.dropFirst().map { line -> (Double, String) in
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      #expect(event.count == 3 && event[1] as? String == "o")
      return (try #require(event[0] as? Double), try #require(event[2] as? String))
    }
    return (header, frames)
  }

  @Test func aCastIsAHeaderAndAFramePerStepThatEndsOnTheLastFrame() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let cast = files.folder.appendingPathComponent("annealing.cast").path
    let outcome = try OptiscopeProcess.run(["render", path, "--format", "cast", "--output", cast, "--fps", "20"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    var (header, frames) = try castLines(cast)
    let ending = frames.removeLast()
    #expect(ending.0 == frames.last?.0 && ending.1 == Asciicast.ending(height: 30), "the cursor shows again at the end")
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
    #expect(header["title"] as? String == "Annealing beside a swarm")
    #expect(header["timestamp"] == nil, "no timestamp: the same scene writes the same file")
    // Step 0, then one frame per iteration.
    #expect(frames.count == SceneFiles.annealingIterations + 1)
    #expect(frames.map(\.0) == (0..<frames.count).map { Double($0) / 20 })
    #expect(frames[0].1.hasPrefix("\u{1B}[?25l\u{1B}[2J"))

    var screen = Screen(width: 100, height: 30)
    var frameAt37: Screen?
    for (index, frame) in frames.enumerated() {
      screen.play(frame.1)
      if index == 37 { frameAt37 = screen }
    }
    #expect(screen.outOfBounds == 0, "every frame fits the header's width and height")
    let last = try OptiscopeProcess.run(["render", path, "--format", "ansi", "--size", "100x30"])
    #expect(screen.cells == Screen.of(ansi: last.stdout, width: 100, height: 30).cells, "the cast ends on the last frame")
    let at37 = try OptiscopeProcess.run(["render", path, "--at", "37", "--format", "ansi", "--size", "100x30"])
    #expect(frameAt37?.cells == Screen.of(ansi: at37.stdout, width: 100, height: 30).cells)
    #expect(!screen.cells.joined().contains(nil), "every cell drawn")
  }

  @Test func everyKStepsKeepsTheLastFrame() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let cast = files.folder.appendingPathComponent("himmelblau.cast").path
    let outcome = try OptiscopeProcess.run([
      "render", path, "--format", "cast", "--output", cast, "--every", "10", "--size", "80x24",
    ])
    #expect(outcome.status == 0)
    var (header, frames) = try castLines(cast)
    let ending = frames.removeLast()
    #expect(ending.1 == Asciicast.ending(height: 24))
    #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24)
    // Steps 0, 10, 20 and the end at 25.
    #expect(frames.count == 4)
    var screen = Screen(width: 80, height: 24)
    for frame in frames { screen.play(frame.1) }
    let last = try OptiscopeProcess.run(["render", path, "--format", "ansi", "--size", "80x24"])
    #expect(screen.cells == Screen.of(ansi: last.stdout, width: 80, height: 24).cells)
  }

  @Test func castOptionsNeedTheCastFormat() throws {
    let outcome = try OptiscopeProcess.run(["render", "-l", "sphere", "--fps", "5"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--fps goes with --format cast"))
  }

  // MARK: - Trajectories

  @Test func csvHasARowPerRunPerStep() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["run", path, "--format", "csv"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first == "epoch,step,run,optimizer,evaluations,x,y,loss,best_x,best_y,best_loss")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == SceneFiles.annealingIterations * 3)
    #expect(rows.allSatisfy { $0.count == 11 })
    #expect(rows.filter { $0[0] == "0" }.count == 60 * 3 && rows.filter { $0[0] == "1" }.count == 80 * 3)
    #expect(rows.last.map { [$0[0], $0[1], $0[2], $0[3]] } == ["1", "80", "3", "adam"], "runs are numbered from 1")
    // Within an epoch a run's best never rises, and its leader is never
    // below its best.
    for run in ["1", "2", "3"] {
      for epoch in ["0", "1"] {
        let best = rows.filter { $0[0] == Substring(epoch) && $0[2] == Substring(run) }.map { Double($0[10])! }
        #expect(zip(best, best.dropFirst()).allSatisfy { $0 >= $1 })
      }
    }
    #expect(rows.allSatisfy { Double($0[7])! >= Double($0[10])! })
  }

  @Test func tableAndJSONGiveEachRunsFinalBest() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let path = try files.write("himmelblau.yaml", SceneFiles.himmelblau)
    let object = try #require(try OptiscopeProcess.json(["run", path, "--format", "json"]) as? [String: Any])
    #expect(object["scene"] as? String == "Two runs on Himmelblau")
    #expect(object["step"] as? Int == 25)
    let runs = try #require(object["runs"] as? [[String: Any]])
    let optimizers = runs.compactMap { $0["optimizer"] as? String }
    #expect(optimizers.count == 2 && optimizers[0] == "nelder-mead" && optimizers[1].hasPrefix("spsa"))
    #expect(runs.allSatisfy { ($0["best"] as? [String: Any])?["loss"] is Double })
    let table = try OptiscopeProcess.run(["run", path])
    #expect(table.stdout.contains("nelder-mead") && table.stdout.contains("step 25"))
  }
}
