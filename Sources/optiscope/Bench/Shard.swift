import ArgumentParser

/// `--shard K/N`: the K-th of N equal slices of a bench's jobs, 1 ≤ K ≤ N.
struct Shard: ExpressibleByArgument, Hashable {
  let k: Int
  let n: Int

  init?(argument: String) {
    let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), 1 <= k, k <= n else { return nil }
    self.k = k
    self.n = n
  }
}
