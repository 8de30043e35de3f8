import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Testing
@testable import TurnoutLocal
import TurnoutCore
import TurnoutProxy
import TurnoutRuntime

/// The proxy router adapter against a real proxy and real backends (python3 http.server) on loopback.
@Suite struct ProxyTrafficRouterTests {
    /// A python3 http.server serving one file, `color`, on a free loopback port.
    final class Backend: Sendable {
        let process: Process
        let port: Int
        let directory: URL

        private init(process: Process, port: Int, directory: URL) {
            self.process = process
            self.port = port
            self.directory = directory
        }

        /// Starts a backend and returns once it answers its colour; a port another process took meanwhile is
        /// given up for a new one (the suite runs in parallel, so a free port can be taken before python binds it).
        static func start(color: String) async throws -> Backend {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-backend-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try color.write(to: directory.appendingPathComponent("color"), atomically: true, encoding: .utf8)
            for _ in 0..<5 {
                let port = try LoopbackPort.free()
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory.path, "\(port)"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let backend = Backend(process: process, port: port, directory: directory)
                let deadline = Date().addingTimeInterval(20)
                while process.isRunning, Date() < deadline {
                    if await ProxyTrafficRouterTests.get("http://127.0.0.1:\(port)/color") == color { return backend }
                    try? await Task.sleep(for: .milliseconds(50))
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: directory)
            throw BackendError(color: color)
        }

        /// A backend that never answered on any port it tried.
        struct BackendError: Error { var color: String }

        func stop() {
            // SIGKILL: the test process may run with SIGTERM blocked, which children inherit.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func get(_ url: String) async -> String? {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls until `url` answers `expected`, for at most 10 seconds.
    static func eventually(_ url: String, answers expected: String) async -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if await get(url) == expected { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func blueGreenSwitchIsInstalledAndReadBack() async throws {
        let blue = try await Backend.start(color: "blue")
        let green = try await Backend.start(color: "green")
        defer { blue.stop(); green.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-router-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try LocalStore(directory: directory, clock: SystemClock())
        let services = ManifestLoader.load(text: """
            apiVersion: v1
            kind: Service
            metadata: {name: active}
            spec: {selector: {app: demo}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: preview}
            spec: {selector: {app: demo}, ports: [{port: 80}]}
            """, file: "services.yaml")
        var rollout = Rollout(metadata: ObjectMeta(name: "demo"), spec: RolloutSpec(
            replicas: 1, selector: LabelSelector(matchLabels: ["app": "demo"]),
            template: PodTemplate(metadata: PodTemplateMetadata(labels: ["app": "demo"]), spec: PodSpec(containers: [Container(name: "demo", image: "demo:blue")])),
            strategy: RolloutStrategy(blueGreen: BlueGreenStrategy(activeService: "active", previewService: "preview"))
        ))
        rollout.status = nil
        _ = try store.apply(services.documents.map(\.object) + [.rollout(rollout)])

        let proxy = ProxyServer(configuration: ProxyConfiguration(threads: 1))
        try await proxy.start()
        let endpoints: [RevisionEndpoint] = [
            RevisionEndpoint(rollout: "demo", revisionHash: "old", labels: ["app": "demo"], port: blue.port, isServing: true),
            RevisionEndpoint(rollout: "demo", revisionHash: "new", labels: ["app": "demo"], port: green.port, isServing: true),
        ]
        let router = ProxyTrafficRouter(proxy: proxy, store: store, ingressAddress: ListenerConfiguration(name: "ingress", port: 0), logger: Logger(label: "test"), endpoints: { endpoints })

        let preview = TrafficState(stable: "old", canary: "new")
        try await router.setTraffic(preview, for: rollout)
        let listeners = Dictionary(uniqueKeysWithValues: await router.listeners().map { ($0.name, $0.address) })
        let active = try #require(listeners["service/active"])
        let previewAddress = try #require(listeners["service/preview"])
        #expect(await Self.eventually("http://\(active)/color", answers: "blue"))
        #expect(await Self.eventually("http://\(previewAddress)/color", answers: "green"))
        #expect(try await router.observedTraffic(for: rollout) == preview)

        let switched = TrafficState(stable: "new", canary: "new")
        try await router.setTraffic(switched, for: rollout)
        #expect(try await router.observedTraffic(for: rollout) == switched)
        #expect(await Self.get("http://\(active)/color") == "green")
        // The listener keeps its port across route changes.
        #expect(await router.listeners().first { $0.name == "service/active" }?.address == active)
        await proxy.shutdown()
    }
}
