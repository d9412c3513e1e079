import OptimizerCore
import Testing

/// Optimizer evolution: who dies at a generation, what the children
/// inherit, and which kinds the population holds.
@Suite struct OptimizerEvolutionTests {
  /// One member's family line as the inspector lists it:
  /// "#7 spsa+adam η=0.104218 gen 2 ← #1 × #4".
  struct FamilyLine {
    var id: Int
    var learningRate: Double?
    var parents: [Int]

    init(_ text: String) {
      let words = text.split(separator: " ")
      id = Int(words[0].dropFirst())!
      learningRate = words.first { $0.hasPrefix("η=") }.flatMap { Double($0.dropFirst(2)) }
      parents = words.drop { $0 != "←" }.dropFirst().filter { $0.hasPrefix("#") }.map { Int($0.dropFirst())! }
    }
  }

  private static func familyLines(of trial: OptimizerTrial) -> [FamilyLine] {
    trial.optimizer.inspect().vectors.map { FamilyLine($0.name) }
  }

  /// A member's rank key as the evolution sees it: its loss where it
  /// stands, or the best it has seen when that is unknown.
  private static func score(_ particle: Particle) -> Double {
    particle.loss.isNaN ? particle.personalBest?.loss ?? .infinity : particle.loss
  }

  /// Runs a population that breeds at step 5 beside a twin that never
  /// breeds: until the breeding they are the same run, so the twin shows
  /// the population as it stood when it was ranked.
  private static func breedingAndTwin(_ settings: [(String, Double)]) throws -> (OptimizerTrial, OptimizerTrial) {
    var breeding = try OptimizerTrial(
      "optimizer-evolution", settings: [("generationSteps", 5)] + settings, on: .shiftedSphere)
    var twin = try OptimizerTrial(
      "optimizer-evolution", settings: [("generationSteps", 1000)] + settings, on: .shiftedSphere)
    breeding.run(5)
    twin.run(5)
    return (breeding, twin)
  }

  /// At a generation exactly the k worst-ranked members are replaced, each
  /// by a child of two survivors, with a death and a birth event apiece.
  @Test(arguments: [1, 2, 3])
  func worstMembersAreReplaced(k: Int) throws {
    let (breeding, twin) = try Self.breedingAndTwin([("replace", Double(k))])
    let ranked = twin.optimizer.particles.indices.sorted {
      Self.score(twin.optimizer.particles[$0]) < Self.score(twin.optimizer.particles[$1])
    }
    let before = Self.familyLines(of: twin).map(\.id)
    let after = Self.familyLines(of: breeding)
    let replaced = Set(after.indices.filter { after[$0].id != before[$0] })
    #expect(replaced == Set(ranked.suffix(k)))
    let survivors = Set(before.indices.filter { !replaced.contains($0) }.map { before[$0] })
    for index in replaced {
      #expect(after[index].parents.count == 2)
      #expect(Set(after[index].parents).isSubset(of: survivors))
    }
    let events = breeding.evaluator.events
    #expect(events.filter { $0.kind == .death }.count == k)
    #expect(events.filter { $0.kind == .respawn }.count == k)
    let readouts = breeding.optimizer.inspect()
    #expect(readouts.readout("generation")?.value == 1)
    #expect(readouts.readout("deaths")?.value == Double(k))
  }

  /// A child's learning rate is its first parent's times exp(s·ξ): equal
  /// with s = 0, different with s = 0.2 but by a factor within e^{±5s} = e^{±1}.
  @Test(arguments: [0.0, 0.2])
  func childrenMutateTheirParentsHyperparameters(strength: Double) throws {
    let (breeding, twin) = try Self.breedingAndTwin([("replace", 3), ("mutation", strength)])
    let parents = Dictionary(uniqueKeysWithValues: Self.familyLines(of: twin).map { ($0.id, $0) })
    let children = Self.familyLines(of: breeding).filter { parents[$0.id] == nil }
    #expect(children.count == 3)
    for child in children {
      let parentRate = try #require(parents[child.parents[0]]?.learningRate)
      let childRate = try #require(child.learningRate)
      let ratio = childRate / parentRate
      if strength == 0 {
        #expect(ratio == 1)
      } else {
        let e = 2.718281828459045
        #expect(ratio != 1)
        #expect(ratio > 1 / e && ratio < e)
      }
    }
  }

  /// The founders cycle through the pool: the available descent pairs and
  /// every random walk the registry holds, and each tag names the kind and
  /// its rate.
  @Test func foundersCoverDescentsAndEveryRegisteredWalk() throws {
    let trial = try OptimizerTrial("optimizer-evolution", settings: [("members", 24)], on: .sphere)
    let labels = Set(trial.optimizer.particles.compactMap { $0.tag?.split(separator: " ").first.map(String.init) })
    let walks = OptimizerRegistry.entries.filter { $0.descriptor.family == .randomWalk }.map(\.name)
    #expect(Set(walks).isSubset(of: labels))
    #expect(labels.isSuperset(of: ["randomgrad+sgd+undo", "spsa+adam", "randomgrad+momentum", "spsa+sgd+undo"]))
    #expect(trial.optimizer.particles.allSatisfy { $0.tag?.contains("=") ?? false })
  }
}

/// `inherit = restore` and what `inherit = swap` shows.
@Suite struct OptimizerEvolutionInheritanceTests {
  private static func inherit(_ label: String) throws -> Double {
    let spec = try OptimizerRegistry.entry(named: "optimizer-evolution").descriptor.specs.first { $0.name == "inherit" }
    return Double(try #require(spec?.options?.firstIndex(of: label)))
  }

  /// A dying member is set back to the snapshot saved when it was founded:
  /// at a generation at step 5, the k worst members stand exactly where the
  /// population's founders stood before their first step, keep their
  /// numbers and say they were restored; the others go on untouched.
  @Test func restoreSetsADyingMemberBackToItsSavedStart() throws {
    let settings: [(String, Double)] = [("inherit", try Self.inherit("restore")), ("replace", 2)]
    let founders = try OptimizerTrial("optimizer-evolution", settings: settings, on: .shiftedSphere)
    var breeding = try OptimizerTrial(
      "optimizer-evolution", settings: [("generationSteps", 5)] + settings, on: .shiftedSphere)
    var twin = try OptimizerTrial(
      "optimizer-evolution", settings: [("generationSteps", 1000)] + settings, on: .shiftedSphere)
    breeding.run(5)
    twin.run(5)
    let lines = breeding.optimizer.inspect().vectors.map(\.name)
    let twinLines = twin.optimizer.inspect().vectors.map(\.name)
    let restored = lines.indices.filter { lines[$0].contains("restored ×1") }
    #expect(restored.count == 2, "\(lines)")
    for i in lines.indices {
      // Every member keeps its number.
      #expect(lines[i].split(separator: " ")[0] == twinLines[i].split(separator: " ")[0])
      let now = breeding.optimizer.particles[i].position
      if restored.contains(i) {
        #expect(now == founders.optimizer.particles[i].position, "member \(i) is not back at its start")
      } else {
        #expect(now == twin.optimizer.particles[i].position, "a surviving member \(i) changed")
      }
    }
    #expect(breeding.evaluator.events.filter { $0.kind == .death }.count == 2)
    #expect(breeding.evaluator.events.filter { $0.kind == .respawn }.count == 2)
  }

  /// Under `swap` every child names the state it took: the update state of
  /// its second parent when both parents' rules match, the first parent's
  /// state otherwise, or a fresh state when it is no descent.
  @Test func swapSaysWhichStateMovedFromWhom() throws {
    var trial = try OptimizerTrial(
      "optimizer-evolution", settings: [("inherit", try Self.inherit("swap")), ("generationSteps", 5), ("replace", 3)],
      on: .shiftedSphere)
    trial.run(40)
    let children = trial.optimizer.inspect().vectors.map(\.name).filter { !$0.hasSuffix("founder") }
    #expect(!children.isEmpty)
    for line in children {
      let parents = OptimizerEvolutionTests.FamilyLine(line).parents
      let said = [
        "update state of #\(parents[1]) ←", "state of #\(parents[0]) ←", "fresh state ←",
      ].filter { line.contains($0) }
      #expect(said.count == 1, "\(line) does not say which state it took")
    }
    // Under the default, `initial`, the family line is as it always was.
    var plain = try OptimizerTrial(
      "optimizer-evolution", settings: [("generationSteps", 5), ("replace", 3)], on: .shiftedSphere)
    plain.run(40)
    #expect(plain.optimizer.inspect().vectors.allSatisfy { !$0.name.contains(",") })
  }
}
