// swift-tools-version: 6.1
import PackageDescription

// The floor under any reverse proxy built on SwiftNIO: bytes in, bytes out, nothing parsed. Built and run
// only by bench/proxy.sh (BENCH_NIO_FLOOR=1); not part of Turnout.
let package = Package(
    name: "NIOFloor",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "NIOFloor",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
