import ArgumentParser
import ViewModel

/// `render --scale linear|log|rank`: a scale that is not one of them is
/// refused by argument-parser, which lists the three.
extension ColourScale: ExpressibleByArgument {}
