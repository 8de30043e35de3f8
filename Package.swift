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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", exact: "0.2.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
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
            name: "TurnoutProxy",
            dependencies: [
                "TurnoutCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Atomics", package: "swift-atomics"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutHTTPServer",
            dependencies: [
                "TurnoutProxy",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutDemoApp",
            dependencies: [
                "TurnoutHTTPServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutService",
            dependencies: ["TurnoutCore"]
        ),
        .target(
            name: "TurnoutLocal",
            dependencies: [
                "TurnoutCore", "TurnoutRuntime", "TurnoutProxy", "TurnoutService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutProviders",
            dependencies: [
                "TurnoutCore", "TurnoutRuntime", "TurnoutProxy",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutServer",
            dependencies: [
                "TurnoutCore", "TurnoutService", "TurnoutHTTPServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KubernetesClient",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutKubernetes",
            dependencies: [
                "TurnoutCore", "TurnoutRuntime", "TurnoutService", "TurnoutProviders", "KubernetesClient",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TurnoutClient",
            dependencies: [
                "TurnoutCore", "TurnoutService",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TurnoutRendering",
            dependencies: ["TurnoutCore", "TurnoutService"]
        ),
        .target(
            name: "TurnoutSimulation",
            dependencies: ["TurnoutCore", "TurnoutRuntime"]
        ),
        .executableTarget(
            name: "turnout",
            dependencies: [
                "TurnoutCore", "TurnoutRuntime", "TurnoutSimulation", "TurnoutProxy", "TurnoutLocal", "TurnoutDemoApp",
                "TurnoutProviders", "TurnoutServer", "TurnoutService", "TurnoutClient", "TurnoutRendering",
                "TurnoutKubernetes", "KubernetesClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TurnoutTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TurnoutTestSupport"
        ),
        .testTarget(name: "TurnoutCoreTests", dependencies: ["TurnoutCore", "TurnoutTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "TurnoutRuntimeTests", dependencies: ["TurnoutRuntime", "TurnoutSimulation", "TurnoutLocal", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "TurnoutProxyTests",
            dependencies: [
                "TurnoutProxy", "TurnoutHTTPServer", "TurnoutDemoApp", "TurnoutServer", "TurnoutTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "TurnoutDemoAppTests",
            dependencies: ["TurnoutDemoApp", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "TurnoutServiceTests", dependencies: ["TurnoutService", "TurnoutCore"]),
        .testTarget(name: "TurnoutLocalTests", dependencies: ["TurnoutLocal", "TurnoutService", "TurnoutRuntime", "TurnoutTestSupport"]),
        .testTarget(
            name: "TurnoutProvidersTests",
            dependencies: [
                "TurnoutProviders", "TurnoutProxy", "TurnoutCore", "TurnoutRuntime", "TurnoutTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TurnoutServiceFixtures",
            dependencies: [
                "TurnoutService", "TurnoutCore", "TurnoutServer", "TurnoutClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TurnoutServiceFixtures"
        ),
        .testTarget(
            name: "TurnoutServerTests",
            dependencies: [
                "TurnoutServer", "TurnoutClient", "TurnoutService", "TurnoutServiceFixtures", "TurnoutCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "KubernetesClientTests",
            dependencies: [
                "KubernetesClient", "KubernetesTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "KubernetesTestSupport", dependencies: ["KubernetesClient", "TurnoutTestSupport"], path: "Tests/KubernetesTestSupport"),
        .testTarget(
            name: "TurnoutKubernetesTests",
            dependencies: ["TurnoutKubernetes", "KubernetesClient", "KubernetesTestSupport", "TurnoutCore", "TurnoutRuntime", "TurnoutService", "TurnoutTestSupport"]
        ),
        .testTarget(
            name: "TurnoutClientTests",
            dependencies: ["TurnoutClient", "TurnoutServer", "TurnoutService", "TurnoutServiceFixtures", "TurnoutCore", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "TurnoutRenderingTests",
            dependencies: ["TurnoutRendering", "TurnoutService", "TurnoutServiceFixtures", "TurnoutCore"]
        ),
        .testTarget(name: "turnoutTests", dependencies: ["turnout"]),
        .testTarget(
            name: "DeployManifestTests",
            dependencies: ["TurnoutCore", "KubernetesClient", "KubernetesTestSupport", "TurnoutTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "TurnoutEndToEndTests",
            dependencies: [
                "turnout", "TurnoutCore", "TurnoutLocal", "TurnoutService", "TurnoutDemoApp", "KubernetesClient", "KubernetesTestSupport", "TurnoutTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
