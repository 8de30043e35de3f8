import NIOPosix

/// The event loops test upstreams and test clients run on (the proxy under test has its own).
enum TestEventLoops {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
}
