extension OptimizerRegistry {
  /// Every optimizer users can name, in the order `optiscope list` shows
  /// them: by family, as in ALGORITHMS.md.
  public static let entries: [OptimizerEntry] = [
    .described(RandomSearch.self),
  ]
}
