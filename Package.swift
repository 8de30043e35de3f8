// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Turnout",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "turnout", targets: ["turnout"]),
        .library(name: "TurnoutCore", targets: ["TurnoutCore"]),
        .library(name: "TurnoutRuntime", targets: ["TurnoutRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(
            name: "TurnoutCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "TurnoutRuntime",
            dependencies: ["TurnoutCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "TurnoutSimulation",
            dependencies: ["TurnoutCore", "TurnoutRuntime"]
        ),
        .executableTarget(
            name: "turnout",
            dependencies: [
                "TurnoutCore", "TurnoutRuntime", "TurnoutSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TurnoutCoreTests", dependencies: ["TurnoutCore", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "TurnoutRuntimeTests", dependencies: ["TurnoutRuntime", "TurnoutSimulation"]),
        .testTarget(name: "TurnoutEndToEndTests", dependencies: ["turnout"]),
    ]
)
