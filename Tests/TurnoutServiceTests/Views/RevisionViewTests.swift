import Testing
import TurnoutCore
import TurnoutService

@Suite struct RevisionViewTests {
    @Test(arguments: [
        ("a", ["stable"]),
        ("b", ["canary"]),
        ("c", []),
    ])
    func rolesOfACanary(hash: String, roles: [String]) {
        #expect(RevisionView.roles(of: hash, in: ViewFixtures.canary(stable: "a", current: "b")) == roles)
    }

    @Test func aCanaryWhoseCurrentRevisionIsStableHasNoCanary() {
        #expect(RevisionView.roles(of: "a", in: ViewFixtures.canary(stable: "a", current: "a")) == ["stable"])
    }

    @Test(arguments: [
        ("a", ["stable", "active"]),
        ("b", ["preview"]),
        ("c", []),
    ])
    func rolesOfABlueGreen(hash: String, roles: [String]) {
        #expect(RevisionView.roles(of: hash, in: ViewFixtures.blueGreen(stable: "a", active: "a", preview: "b")) == roles)
    }

    @Test func aPreviewThatIsAlsoActiveIsOnlyActive() {
        #expect(RevisionView.roles(of: "b", in: ViewFixtures.blueGreen(stable: "a", active: "b", preview: "b")) == ["active"])
    }

    @Test func buildsFromAnObservedRevision() {
        var revision = ViewFixtures.revision("b", number: 2, image: "web:v2", replicas: 3)
        revision.scaleDownAt = Instant(secondsSinceEpoch: 0)
        let replica = ReplicaView(kind: .pod, index: 0, name: "web-b-x1", address: nil, isReady: false, isTerminating: false, restarts: 0)
        let view = RevisionView(revision, replicas: [replica], in: ViewFixtures.canary(stable: "a", current: "b"))
        #expect(view == RevisionView(number: 2, hash: "b", images: ["web:v2"], roles: ["canary"], replicas: 3, ready: 3, available: 2,
                                     scaleDownAt: "1970-01-01T00:00:00Z", processes: [replica]))
    }
}
