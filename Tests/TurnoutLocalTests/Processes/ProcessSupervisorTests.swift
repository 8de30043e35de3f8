import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct ProcessSupervisorTests {
    static let httpServer = #"{"name": "web", "command": ["python3", "-m", "http.server"], "args": ["--bind", "127.0.0.1", "$(PORT)"], "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}"#

    /// The ready count of a revision.
    static func ready(_ supervisor: ProcessSupervisor, _ hash: String, rollout: Rollout = ProcessFixture.rollout()) async throws -> Int {
        try await supervisor.revisions(of: rollout).first { $0.hash == hash }?.readyReplicas ?? -1
    }

    @Test func startsReplicasOnTheirOwnPortsAndReportsThemReadyByHTTP() async throws {
        try await ProcessFixture.withSupervisor { supervisor, store, _ in
            let rollout = ProcessFixture.rollout()
            let target = ProcessFixture.target("h1", ProcessFixture.template(Self.httpServer), replicas: 3)
            try await supervisor.apply([target], deleting: [], for: rollout)
            try await supervisor.apply([target], deleting: [], for: rollout)  // idempotent: no second set of processes
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1") == 3 })

            let endpoints = try #require(await supervisor.endpoints(ofRollout: "web").first)
            #expect(endpoints.revisionHash == "h1")
            #expect(endpoints.endpoints.map(\.index) == [0, 1, 2])
            #expect(Set(endpoints.endpoints.map(\.address)).count == 3)
            #expect(endpoints.servingAddresses.count == 3)
            let records = try store.replicas(ofRollout: "web")
            #expect(records.map(\.index) == [0, 1, 2])
            #expect(records.map(\.pid) == endpoints.endpoints.map(\.pid))
            #expect(records.map { "127.0.0.1:\($0.port)" } == endpoints.endpoints.map(\.address))
            #expect(try store.revisionTargets(forRollout: "web") == [target])

            let state = try #require(try await supervisor.revisions(of: rollout).first)
            #expect(state.replicas == 3)
            #expect(state.availableReplicas == 3)

            // Replicas inherit no descriptor of the daemon (the state database here), only stdin/out/err.
            let pid = try #require(endpoints.endpoints.first?.pid)
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
            let targets = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)") }
            #expect(!targets.contains { $0.contains("state.sqlite") })
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/1").hasSuffix("/logs/web/h1-0.log"))
        }
    }

    @Test func minReadySecondsDelaysAvailability() async throws {
        try await ProcessFixture.withSupervisor { supervisor, _, _ in
            let rollout = ProcessFixture.rollout(minReadySeconds: 1)
            try await supervisor.apply([ProcessFixture.target("h1", ProcessFixture.template(Self.httpServer), replicas: 1)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1", rollout: rollout) == 1 })
            #expect(try await supervisor.revisions(of: rollout).first?.availableReplicas == 0)
            #expect(try await ProcessFixture.eventually(within: 3) { try await supervisor.revisions(of: rollout).first?.availableReplicas == 1 })
        }
    }

    @Test func scalingDownDrainsTheHighestIndexesBeforeSIGTERM() async throws {
        let drained = Recorder<(address: String, wasTerminating: Bool)>()
        try await ProcessFixture.withSupervisor(drain: { address, supervisor, scratch in
            let endpoint = await supervisor.endpoints(ofRollout: "web").flatMap(\.endpoints).first { $0.address == address }
            drained.append((address, endpoint?.isTerminating == true && endpoint?.acceptsNewRequests == false))
            scratch.note("drain", String(address.split(separator: ":")[1]))
            try? await Task.sleep(for: .milliseconds(200))
        }) { supervisor, store, scratch in
            let rollout = ProcessFixture.rollout()
            let template = ProcessFixture.template(scratch.container(["serve"], fields: #""readinessProbe": {"httpGet": {"port": 8080}}"#))
            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 3)], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "h1") == 3 })
            let before = try #require(await supervisor.endpoints(ofRollout: "web").first).endpoints
            let changes = await supervisor.endpointChanges()

            try await supervisor.apply([ProcessFixture.target("h1", template, replicas: 1)], deleting: [], for: rollout)
            // At once: the surplus replicas are published terminating, so the router stops using them.
            let now = try #require(await supervisor.endpoints(ofRollout: "web").first).endpoints
            #expect(now.map(\.isTerminating) == [false, true, true])
            #expect(now.map(\.acceptsNewRequests) == [true, false, false])
            #expect(try await Self.ready(supervisor, "h1") == 1)

            #expect(await ProcessFixture.eventually { await supervisor.endpoints(ofRollout: "web").first?.endpoints.count == 1 })
            #expect(await supervisor.endpoints(ofRollout: "web").first?.endpoints.map(\.pid) == [before[0].pid])
            #expect(try store.replicas(ofRollout: "web").map(\.index) == [0])
            #expect(Set(drained.all.map(\.address)) == Set(before[1...].map(\.address)))
            #expect(drained.all.allSatisfy { $0.wasTerminating })
            for endpoint in before[1...] {
                #expect(!ProcessFixture.isAlive(try #require(endpoint.pid)))
                let port = String(endpoint.address.split(separator: ":")[1])
                let words = scratch.events().filter { $0.count > 1 && $0[1] == port }.map { $0[0] }
                #expect(words == ["start", "drain", "sigterm"], "events of \(port)")
            }

            let seen = await ProcessFixture.collect(changes, within: 5) { $0.revisions.first?.endpoints.count == 1 }
            #expect(seen.last?.revisions.first?.endpoints.count == 1)
            #expect(seen.first?.revisions.first?.endpoints.count == 3)
            #expect(seen.contains { $0.revisions.first?.endpoints.filter(\.isTerminating).count == 2 })
        }
    }

    @Test func deletingARevisionStopsItsReplicasAndForgetsIt() async throws {
        try await ProcessFixture.withSupervisor { supervisor, store, _ in
            let rollout = ProcessFixture.rollout()
            let blue = ProcessFixture.target("blue", number: 1, ProcessFixture.template(Self.httpServer), replicas: 1)
            let green = ProcessFixture.target("green", number: 2, ProcessFixture.template(Self.httpServer), replicas: 1)
            try await supervisor.apply([blue, green], deleting: [], for: rollout)
            #expect(try await ProcessFixture.eventually {
                let green = try await Self.ready(supervisor, "green")
                let blue = try await Self.ready(supervisor, "blue")
                return green == 1 && blue == 1
            })
            try await supervisor.apply([green], deleting: ["blue"], for: rollout)
            #expect(try await supervisor.revisions(of: rollout).map(\.hash) == ["green"])
            #expect(await ProcessFixture.eventually { await supervisor.endpoints(ofRollout: "web").map(\.revisionHash) == ["green"] })
            #expect(try store.replicas(ofRollout: "web").map(\.revisionHash) == ["green"])
        }
    }

    @Test func aTemplateThatCannotRunIsReportedAndOthersStillRun() async throws {
        try await ProcessFixture.withSupervisor { supervisor, _, _ in
            let rollout = ProcessFixture.rollout()
            let good = ProcessFixture.target("good", number: 1, ProcessFixture.template(Self.httpServer), replicas: 1)
            let bad = ProcessFixture.target("bad", number: 2, ProcessFixture.template(#"{"name": "web", "image": "myorg/web:1.7.9"}"#), replicas: 2)
            let missing = ProcessFixture.target("missing", number: 3, ProcessFixture.template(#"{"name": "web", "command": ["no-such-program-turnout"]}"#), replicas: 1)
            do {
                try await supervisor.apply([good, bad], deleting: [], for: rollout)
                Issue.record("apply should fail")
            } catch let error as ProcessSupervisorError {
                #expect(error == .failed(action: "start replica 0 of revision bad of rollout web", underlying: .unknownImage(container: "web", image: "myorg/web:1.7.9")))
                #expect(error.description.contains("add it to images: in the runtime config or give the container a command"))
            }
            await #expect(throws: ProcessSupervisorError.self) { try await supervisor.apply([good, missing], deleting: [], for: rollout) }
            #expect(try await ProcessFixture.eventually { try await Self.ready(supervisor, "good") == 1 })
            #expect(await supervisor.endpoints(ofRollout: "web").map(\.revisionHash) == ["good"])
        }
    }
}
