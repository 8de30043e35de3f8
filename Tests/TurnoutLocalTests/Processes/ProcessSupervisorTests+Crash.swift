import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

extension ProcessSupervisorTests {
    @Test func aCrashingReplicaIsRestartedWithBackoffAndNotReadyMeanwhile() async throws {
        try await ProcessFixture.withSupervisor { supervisor, store, scratch in
            let rollout = ProcessFixture.rollout()
            let changes = await supervisor.endpointChanges()
            let template = ProcessFixture.template(scratch.container(["serve-then-exit", "3.0"]))
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 1)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually(within: 30) { try await Self.ready(supervisor, "h1") == 1 })
            let first = try #require(await supervisor.endpoints(ofRollout: "web").first?.endpoints.first)

            // Two crashes: restarted on the same port each time.
            #expect(await ProcessFixture.eventually(within: 40) { await supervisor.endpoints(ofRollout: "web").first?.endpoints.first?.restartCount == 2 })
            #expect(try await ProcessFixture.eventually(within: 5) { try store.replicas(ofRollout: "web").first?.restartCount == 2 })
            #expect(await ProcessFixture.eventually(within: 5) { await supervisor.endpoints(ofRollout: "web").first?.endpoints.first?.pid != nil })
            let later = try #require(await supervisor.endpoints(ofRollout: "web").first?.endpoints.first)
            #expect(later.pid != first.pid)
            #expect(later.address == first.address)

            // Every published state without a process is not ready and gets no traffic.
            let seen = await ProcessFixture.collect(changes, within: 1) { _ in false }.compactMap { $0.revisions.first?.endpoints.first }
            let waiting = seen.filter { $0.pid == nil }
            #expect(waiting.map(\.restartCount).starts(with: [1, 2]))
            #expect(waiting.allSatisfy { !$0.isReady && !$0.acceptsNewRequests })
            #expect(seen.contains { $0.isReady })

            // The backoff doubles (0.4 s, then 0.8 s), and each restart waits at least that long.
            let notes = try await supervisor.logs(ofRollout: "web", lines: 200).first?.lines.filter { $0.hasPrefix("turnout: ") } ?? []
            for (restart, delay) in [(1, 0.4), (2, 0.8)] {
                let crash = try #require(notes.firstIndex { $0.contains("ended (exit status 3); restarting in \(Self.seconds(delay)) (restart \(restart))") })
                let next = try #require(notes[crash...].first { $0.contains("started pid") })
                let waited = try Self.time(of: next).seconds(since: try Self.time(of: notes[crash]))
                #expect(waited >= delay - 0.05, "restart \(restart) waited \(waited)s")
            }
        }
    }

    /// The time of a `turnout: <RFC 3339> …` log line.
    static func time(of line: String) throws -> Instant {
        try #require(Instant(rfc3339: String(line.split(separator: " ")[1])))
    }

    /// `0.4s`.
    static func seconds(_ value: Double) -> String { "\(value)s" }
}
