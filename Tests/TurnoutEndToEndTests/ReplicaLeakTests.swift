import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of `turnout up` at any moment leaves no replica running that no rollout lists, and no exited replica
/// unreaped by a live daemon.
@Suite(.serialized) struct ReplicaLeakTests {
    /// A 4-replica canary with steps 25/50/75 % and 1 s pauses.
    static func manifest() throws -> String {
        try Fixture.text(Fixture.canaryByWeight, replacing: [
            ("replicas: 2", "replicas: 4"),
            ("""
                    - setWeight: 30
                    - pause: {}
                    - setWeight: 60
                    - pause: {duration: 2s}
            """, """
                    - setWeight: 25
                    - pause: {duration: 1s}
                    - setWeight: 50
                    - pause: {duration: 1s}
                    - setWeight: 75
                    - pause: {duration: 1s}
            """),
        ])
    }

    /// Seconds between an image change and the `kill -9` of each round: every phase of an update (scale-up of
    /// the canary, weight steps, pauses, promotion, scale-down of the old stable) gets hit.
    static let killDelays: [Double] = [0.05, 0.4, 1.3, 2.1, 0.2, 3.0, 0.8, 1.7, 4.2, 0.1, 2.6, 0.6, 3.6, 1.0, 5.0]

    @Test func killDashNineDuringCanaryUpdatesLeavesNoStrayOrUnreapedReplica() async throws {
        let daemon = try await Daemon()
        defer { daemon.stop() }
        let table = ReplicaProcessTable(stateDirectory: daemon.stateDirectory)
        #expect(try await daemon.apply(text: Self.manifest(), named: "leak.yaml").status == 0)
        try await daemon.waitFor("e2e-weight", "Healthy") { $0.isHealthy }
        let colors = ["green", "yellow", "blue"]
        var seen = Set(table.liveReplicas())
        for (round, delay) in Self.killDelays.enumerated() {
            let image = "demo=argoproj/rollouts-demo:\(colors[round % colors.count])"
            #expect(try await daemon.cli(["set", "image", "e2e-weight", image]).status == 0)
            try await Task.sleep(for: .seconds(delay))
            seen.formUnion(table.liveReplicas())
            await daemon.kill9()
            seen.formUnion(table.liveReplicas())
            try await daemon.start()
        }
        let final = "argoproj/rollouts-demo:\(colors[(Self.killDelays.count - 1) % colors.count])"
        try await daemon.waitFor("e2e-weight", "Healthy on \(final)", seconds: 120) { view in
            view.isHealthy && view.revisions.first { $0.replicas > 0 }?.images == [final]
                && view.revisions.flatMap(\.processes).count == 4
        }
        let daemonPid = try #require(table.daemon())

        // Whatever was stopped has had time to go: every replica process still running is one the rollout lists,
        // and the daemon has reaped every child that ended.
        var strays: [ReplicaProcessTable.Entry] = []
        var unreaped: [ReplicaProcessTable.Entry] = []
        let deadline = Date().addingTimeInterval(30)
        repeat {
            let listed = Set(try await daemon.rollout("e2e-weight").revisions.flatMap(\.processes).compactMap(\.pid))
            seen.formUnion(table.liveReplicas())
            strays = table.liveReplicas().filter { !listed.contains($0.pid) }
            unreaped = ReplicaProcessTable.zombieChildren(of: daemonPid)
            if strays.isEmpty, unreaped.isEmpty { break }
            try await Task.sleep(for: .milliseconds(250))
        } while Date() < deadline
        #expect(strays.isEmpty, "replica processes no rollout lists: \(strays)")
        #expect(unreaped.isEmpty, "exited children the daemon never reaped: \(unreaped)")
        // An exited replica is reaped by its parent: the daemon that started it, or (after that daemon was killed)
        // whatever the system made its parent. None may wait for a turnout daemon or this test.
        let zombies = ReplicaProcessTable.zombies(among: seen)
        let owners = Set(zombies.map(\.parent))
        #expect(!owners.contains(daemonPid) && !owners.contains(getpid()), "zombie replicas: \(zombies)")
        #expect(seen.count >= 4 + Self.killDelays.count, "the rounds started new replicas (\(seen.count) seen)")
    }

    @Test func aDaemonKilledBetweenStartingAndRecordingAReplicaLeavesItToTheNextDaemon() async throws {
        // The daemon kills itself with SIGKILL right after its third replica process starts, before it records it.
        let daemon = try await Daemon(environment: ["TURNOUT_TEST_CRASH_AFTER_SPAWN": "3"])
        defer { daemon.stop() }
        let table = ReplicaProcessTable(stateDirectory: daemon.stateDirectory)
        _ = try? await daemon.apply(text: Self.manifest(), named: "leak.yaml")
        #expect(await daemon.waitUntilExited(seconds: 60), "the daemon crashed at its crash point")
        let orphans = Set(table.liveReplicas().map(\.pid))
        #expect(orphans.count == 3, "three replicas were started before the crash: \(orphans)")

        daemon.environment = [:]
        try await daemon.start()
        let healthy = try await daemon.waitFor("e2e-weight", "Healthy with 4 replicas") { view in
            view.isHealthy && view.revisions.flatMap(\.processes).count == 4 && view.revisions.flatMap(\.processes).allSatisfy(\.isReady)
        }
        let listed = Set(healthy.revisions.flatMap(\.processes).compactMap(\.pid))
        #expect(orphans.isSubset(of: listed), "every replica started before the crash was adopted, the unrecorded one too")
        #expect(table.liveReplicas().filter { !listed.contains($0.pid) }.isEmpty, "no replica runs that the rollout does not list")
    }
}
