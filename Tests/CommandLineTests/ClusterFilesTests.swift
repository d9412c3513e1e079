import Foundation
import Testing
import Yams

/// The cluster files docs/CLUSTER.md shows: the Slurm scripts are bash that
/// parses and that, under a stand-in `sbatch` running the array's tasks at
/// once, merge into the single-process report; the Kubernetes manifest is
/// YAML with an Indexed Job and a merge Job sharing one volume.
@Suite struct ClusterFilesTests {
  static let cluster = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/cluster")
  static let slurm = cluster.appendingPathComponent("slurm")

  @Test(arguments: ["submit.sh", "shard.sbatch", "merge.sbatch"])
  func theSlurmScriptsAreBashThatParses(script: String) throws {
    let outcome = try runBash(["-n", Self.slurm.appendingPathComponent(script).path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
  }

  @Test func theSlurmArrayAndItsMergeGiveTheSingleProcessReport() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-slurm-\(UUID().uuidString)")
    let bin = directory.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sbatch = bin.appendingPathComponent("sbatch")
    try Self.fakeSbatch.write(to: sbatch, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sbatch.path)
    let plan = [
      "--optimizers", "pso,random-search", "--landscapes", "sphere,booth", "--seeds", "2", "--evals", "60",
      "--sweep", "pso:omega=0.3..0.9:3",
    ]
    let planFile = directory.appendingPathComponent("plan.args")
    try (plan.joined(separator: "\n") + "\n").write(to: planFile, atomically: true, encoding: .utf8)

    let outcome = try runBash(
      [Self.slurm.appendingPathComponent("submit.sh").path, "4"], in: directory,
      environment: [
        "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
        "OPTISCOPE": OptiscopeProcess.executable.path, "PLAN_FILE": planFile.path,
      ])
    #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    #expect(outcome.stdout.contains("(4 shards)"))
    let results = directory.appendingPathComponent("results")
    let shards = try FileManager.default.contentsOfDirectory(atPath: results.path).filter { $0.hasPrefix("shard-") }.sorted()
    #expect(shards == ["shard-1.json", "shard-2.json", "shard-3.json", "shard-4.json"])
    let merged = String(decoding: try Data(contentsOf: results.appendingPathComponent("sweep.json")), as: UTF8.self)
    let single = try OptiscopeProcess.run(["bench", "run"] + plan + ["--format", "json"])
    #expect(single.status == 0)
    #expect(merged == single.stdout)
    #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent("sensitivity.svg").path))
  }

  @Test func theKubernetesManifestIsAnIndexedJobAndAMergeOnOneVolume() throws {
    let text = try String(contentsOf: Self.cluster.appendingPathComponent("kubernetes/sweep.yaml"), encoding: .utf8)
    let documents = try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    #expect(documents.compactMap { $0["kind"] as? String } == ["PersistentVolumeClaim", "ConfigMap", "Job", "Job"])
    func name(_ document: [String: Any]) -> String? { (document["metadata"] as? [String: Any])?["name"] as? String }
    let claim = try #require(name(documents[0]))
    let shards = try #require(documents[2]["spec"] as? [String: Any])
    #expect(shards["completionMode"] as? String == "Indexed")
    let completions = try #require(shards["completions"] as? Int)
    #expect(shards["parallelism"] as? Int == completions)

    for job in documents[2...] {
      let pod = try #require((((job["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"]) as? [String: Any])
      let volumes = try #require(pod["volumes"] as? [[String: Any]])
      #expect(volumes.contains { ($0["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == claim })
      let containers = (pod["initContainers"] as? [[String: Any]] ?? []) + (pod["containers"] as? [[String: Any]] ?? [])
      for container in containers {
        let environment = container["env"] as? [[String: Any]] ?? []
        if let value = environment.first(where: { $0["name"] as? String == "SHARDS" })?["value"] as? String {
          #expect(Int(value) == completions, "SHARDS must equal completions")
        }
        let script = try #require((container["args"] as? [String])?.first)
        let check = try runBash(["-n", "-c", script])
        #expect(check.status == 0, "\(check.stderr)")
      }
    }
    let shardScript = try #require(
      ((((shards["template"] as? [String: Any])?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first?["args"] as? [String])?.first)
    #expect(shardScript.contains("JOB_COMPLETION_INDEX") && shardScript.contains("--shard \"$k/$SHARDS\" --format json"))
    let plan = try #require(((documents[1]["data"] as? [String: Any])?["plan.args"]) as? String)
    #expect(plan == (try String(contentsOf: Self.slurm.appendingPathComponent("plan.args"), encoding: .utf8)), "one plan for both")
    #expect(text.contains("bench merge /results/shard-*.json"))
  }

  /// Slurm's sbatch, as far as the scripts use it: an array's tasks run at
  /// once here (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MAX), and the call
  /// returns when they are done, so a dependent job simply runs next.
  static let fakeSbatch = """
    #!/usr/bin/env bash
    set -u
    array= script=
    for arg in "$@"; do
      case $arg in
        --array=*) array=${arg#--array=} ;;
        --*) ;;
        *) script=$arg ;;
      esac
    done
    id=$$
    if [ -n "$array" ]; then
      n=${array#1-}
      pids=()
      for k in $(seq 1 "$n"); do
        SLURM_ARRAY_JOB_ID=$id SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=$n \\
          bash "$script" > "logs/task-$k.out" 2>&1 &
        pids+=($!)
      done
      for pid in "${pids[@]}"; do wait "$pid" || exit 1; done
    else
      bash "$script" > logs/job-$id.out 2>&1 || exit 1
    fi
    echo "$id"

    """

  struct BashOutcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs bash with `arguments` in `directory`, its output in files (as
  /// `OptiscopeProcess` does, for the same reason).
  private func runBash(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> BashOutcome {
    let token = UUID().uuidString
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("bash-\(token).out")
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("bash-\(token).err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return BashOutcome(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
