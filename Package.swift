// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "optiscope",
  products: [
    .executable(name: "optiscope", targets: ["optiscope"]),
    .library(name: "OptimizerCore", targets: ["OptimizerCore"]),
    .library(name: "Landscapes", targets: ["Landscapes"]),
    .library(name: "External", targets: ["External"]),
    .library(name: "Engine", targets: ["Engine"]),
    .library(name: "ViewModel", targets: ["ViewModel"]),
    .library(name: "Rendering", targets: ["Rendering"]),
    .library(name: "Scenes", targets: ["Scenes"]),
    .library(name: "Exports", targets: ["Exports"]),
    .library(name: "Visualizer", targets: ["Visualizer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(
      name: "OptimizerCore",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
    .target(
      name: "Landscapes",
      dependencies: ["OptimizerCore", .product(name: "RealModule", package: "swift-numerics")]),
    // The child process of an external optimizer or function: spawned under a guard.
    .target(name: "CChildProcess"),
    .target(name: "External", dependencies: ["OptimizerCore", "Landscapes", "CChildProcess"]),
    .target(
      name: "Engine",
      dependencies: [
        "OptimizerCore", "Landscapes", "External",
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(name: "ViewModel", dependencies: ["OptimizerCore"]),
    .target(name: "Rendering", dependencies: ["OptimizerCore", "Landscapes", "Engine", "ViewModel"]),
    .target(
      name: "Scenes",
      dependencies: [
        "OptimizerCore", "Landscapes", "Engine", "External", "ViewModel",
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "Yams", package: "Yams"),
      ],
      plugins: ["EmbedScenes"]),
    // The curated scenes of scenes/, built into Scenes so that a copied binary has them.
    .executableTarget(name: "EmbedScenesTool"),
    .plugin(name: "EmbedScenes", capability: .buildTool(), dependencies: ["EmbedScenesTool"]),
    .target(
      name: "Exports",
      dependencies: [
        "OptimizerCore", "Engine", "External", "ViewModel", "Rendering", "Scenes",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(name: "Visualizer", dependencies: ["OptimizerCore", "Landscapes", "Engine", "ViewModel", "Rendering", "Scenes"]),
    .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
    .target(name: "Terminal", dependencies: ["Visualizer", "ViewModel", "Rendering", "CNcurses"]),
    .executableTarget(
      name: "optiscope",
      dependencies: [
        "OptimizerCore", "Landscapes", "Engine", "External", "ViewModel", "Rendering", "Scenes", "Exports", "Visualizer",
        "Terminal", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Snapshots, golden files and the one record switch (RECORD=1) for the tests.
    .target(name: "TestSupport", dependencies: ["Rendering"], path: "Tests/TestSupport"),
    .testTarget(name: "OptimizerCoreTests", dependencies: ["OptimizerCore"]),
    .testTarget(name: "ExternalTests", dependencies: ["External", "OptimizerCore", "Engine", "Landscapes", "Scenes"]),
    .testTarget(
      name: "LandscapesTests",
      dependencies: [
        "Landscapes", "OptimizerCore",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "EngineTests", dependencies: ["Engine", "OptimizerCore", "Exports", "TestSupport"], exclude: ["Golden"]),
    .testTarget(
      name: "RenderingTests",
      dependencies: ["Rendering", "ViewModel", "Exports", "OptimizerCore", "Landscapes", "Engine", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "ScenesTests",
      dependencies: [
        "Scenes", "Exports", "Engine", "OptimizerCore", "ViewModel", "Rendering", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CommandLineTests",
      dependencies: ["optiscope", "Scenes", "Exports", "Engine", .product(name: "Yams", package: "Yams")]),
    .testTarget(
      name: "VisualizerTests",
      dependencies: ["Visualizer", "Engine", "ViewModel", "Rendering", "OptimizerCore", "Scenes", "TestSupport"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Visualizer", "Rendering", "CNcurses"]),
    .testTarget(name: "EndToEndTests", dependencies: ["optiscope", "Scenes", "Engine"]),
    .testTarget(name: "LayeringTests"),
  ],
  swiftLanguageModes: [.v6]
)
