/// Which part of an `OptimizerChoice` is wrong, so that a reader can point
/// at the text that named it.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No optimizer has that name.
  case name(RegistryError)
  /// A part is unknown, or the optimizer takes no parts.
  case parts(RegistryError)
  /// The domain has more axes than the optimizer takes.
  case dimension(RegistryError)
  /// `external` without a command, or a command for another optimizer.
  case command(CommandError)
  /// The setting at `index` of the choice's settings.
  case setting(index: Int, optimizer: String, SettingError)

  public var description: String {
    switch self {
    case .name(let error), .parts(let error), .dimension(let error): return error.description
    case .setting(_, let optimizer, let error): return error.message(optimizer: optimizer)
    case .command(let error): return error.description
    }
  }

  /// What is wrong with the command of an external optimizer.
  public enum CommandError: Sendable, Equatable, CustomStringConvertible {
    case commandMissing
    case commandNotAccepted(optimizer: String)

    public var description: String {
      switch self {
      case .commandMissing:
        return "the external optimizer needs the command that runs it: --command \"python3 my_opt.py\" (docs/PROTOCOL.md)"
      case .commandNotAccepted(let optimizer):
        return "'\(optimizer)' is built in and takes no command; --command goes with --optimizer external"
      }
    }
  }
}
