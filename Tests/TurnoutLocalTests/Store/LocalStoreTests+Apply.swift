import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

extension LocalStoreTests {
    @Test func applyReportsCreatedThenUnchangedThenConfigured() throws {
        try StoreFixture.withStore { store, _ in
            let first = try store.apply([StoreFixture.rollout(), StoreFixture.service(name: "web-active"), StoreFixture.analysisTemplate(name: "rate")])
            #expect(first.map(\.description) == ["Rollout/web created", "Service/web-active created", "AnalysisTemplate/rate created"])
            let again = try store.apply([StoreFixture.rollout(), StoreFixture.service(name: "web-active"), StoreFixture.analysisTemplate(name: "rate")])
            #expect(again.map(\.result) == [.unchanged, .unchanged, .unchanged])
            let changed = try store.apply([StoreFixture.rollout(image: "argoproj/rollouts-demo:green"), StoreFixture.service(name: "web-active", port: 8081), StoreFixture.analysisTemplate(name: "rate")])
            #expect(changed == [
                ApplyOutcome(kind: "Rollout", name: "web", result: .configured, generation: 2),
                ApplyOutcome(kind: "Service", name: "web-active", result: .configured, generation: 2),
                ApplyOutcome(kind: "AnalysisTemplate", name: "rate", result: .unchanged, generation: 1),
            ])
            let rollout = try #require(try store.rollout(named: "web"))
            #expect(rollout.spec.template?.spec.containers.first?.image == "argoproj/rollouts-demo:green")
            #expect(rollout.metadata.generation == 2)
            #expect(rollout.metadata.resourceVersion == "2")
            #expect(rollout.metadata.namespace == "default")
            #expect(rollout.metadata.uid?.isEmpty == false)
            #expect(rollout.metadata.creationTimestamp == StoreFixture.start.rfc3339)
        }
    }

    @Test(arguments: [
        ("same spec", StoreFixture.rollout(), ApplyResult.unchanged, 1),
        ("new image", StoreFixture.rollout(image: "argoproj/rollouts-demo:green"), .configured, 2),
        ("more replicas", StoreFixture.rollout(replicas: 5), .configured, 2),
        ("a label only", StoreFixture.rollout(labels: ", team: payments"), .configured, 1),
    ])
    func generationCountsSpecChangesOnly(change: String, applied: ManifestObject, result: ApplyResult, generation: Int) throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            let outcome = try store.apply([applied])
            #expect(outcome == [ApplyOutcome(kind: "Rollout", name: "web", result: result, generation: generation)], "\(change)")
            #expect(try store.rollout(named: "web")?.metadata.generation == generation)
        }
    }

    @Test func applyKeepsTheStatusAndIgnoresStatusAndServerFieldsInTheManifest() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout()])
            var status = RolloutStatus()
            status.phase = .healthy
            status.stableRS = "abc"
            status.observedGeneration = 1
            try store.saveStatus(status, ofRollout: "web")

            var written = try #require(StoreFixture.rollout(of: StoreFixture.rollout(image: "argoproj/rollouts-demo:green")))
            var bogus = RolloutStatus()
            bogus.phase = .degraded
            written.status = bogus
            written.metadata.resourceVersion = "99"
            written.metadata.generation = 7
            written.metadata.namespace = "default"
            #expect(try store.apply([.rollout(written)]).map(\.result) == [.configured])

            let stored = try #require(try store.rollout(named: "web"))
            #expect(stored.status == status)
            #expect(stored.metadata.generation == 2)
            #expect(stored.metadata.resourceVersion == "3")
            // The stored rollout applied again, with its server fields and status, changes nothing.
            #expect(try store.apply([.rollout(stored)]).map(\.result) == [.unchanged])
        }
    }

    @Test func failureMidwayThroughAnApplyChangesNothing() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout(), StoreFixture.configMap(name: "settings", value: "1")])
            // JSON cannot carry NaN: the third object fails inside the transaction, after two were written.
            let unstorable = KubernetesObject(
                apiVersion: "v1", kind: "ConfigMap", metadata: ObjectMeta(name: "broken"),
                document: .object(["apiVersion": .string("v1"), "kind": .string("ConfigMap"), "data": .object(["ratio": .double(.nan)])])
            )
            #expect {
                try store.apply([
                    StoreFixture.rollout(image: "argoproj/rollouts-demo:green"),
                    StoreFixture.configMap(name: "extra", value: "2"),
                    .other(unstorable),
                ])
            } throws: { error in
                guard case .encoding(let action, _)? = error as? LocalStoreError else { return false }
                return action == "apply ConfigMap/broken"
            }
            let rollout = try #require(try store.rollout(named: "web"))
            #expect(rollout.spec.template?.spec.containers.first?.image == "argoproj/rollouts-demo:blue")
            #expect(rollout.metadata.resourceVersion == "1")
            #expect(try store.objects(kind: "ConfigMap").count == 1)
            #expect(try store.integrityCheck() == ["ok"])
        }
    }

    @Test(arguments: [
        ("missing name", "metadata: {labels: {app: x}}", "apply ConfigMap/: metadata.name is missing"),
        ("other namespace", "metadata: {name: x, namespace: prod}", "apply ConfigMap/x: namespace prod does not exist on the single-host runtime; remove metadata.namespace or set it to default"),
        ("twice", "metadata: {name: web-settings}", "apply ConfigMap/web-settings: the object appears more than once in one apply; keep one"),
    ])
    func invalidObjectsAreRejectedBeforeAnythingIsWritten(problem: String, metadata: String, message: String) throws {
        try StoreFixture.withStore { store, _ in
            let bad = StoreFixture.objects("apiVersion: v1\nkind: ConfigMap\n\(metadata)\ndata: {a: b}")[0]
            #expect {
                try store.apply([StoreFixture.rollout(), StoreFixture.configMap(name: "web-settings", value: "1"), bad])
            } throws: { error in
                (error as? LocalStoreError)?.description == message
            }
            let written = try store.rollouts().count + store.objects(kind: "ConfigMap").count
            #expect(written == 0, "\(problem)")
        }
    }

    @Test func defaultNamespaceWrittenOrNotIsTheSameObject() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.configMap(name: "settings", value: "1")])
            let explicit = StoreFixture.objects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {value: \"1\"}")
            #expect(try store.apply(explicit).map(\.result) == [.unchanged])
        }
    }

    @Test func clusterScopedAndNamespacedTemplatesAreDistinct() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.analysisTemplate(name: "rate"), StoreFixture.analysisTemplate(name: "rate", clusterScoped: true)])
            let namespaced = try #require(try store.analysisTemplate(named: "rate", clusterScoped: false))
            let cluster = try #require(try store.analysisTemplate(named: "rate", clusterScoped: true))
            #expect(!namespaced.isClusterScoped)
            #expect(namespaced.metadata.namespace == "default")
            #expect(cluster.isClusterScoped)
            #expect(cluster.metadata.namespace == nil)
            #expect(try store.analysisTemplate(named: "missing", clusterScoped: false) == nil)
        }
    }

    @Test func deleteRemovesOneObject() throws {
        try StoreFixture.withStore { store, _ in
            _ = try store.apply([StoreFixture.rollout(), StoreFixture.service(name: "web-active"), StoreFixture.service(name: "web-preview")])
            #expect(try store.delete(kind: "Service", name: "web-active"))
            #expect(try !store.delete(kind: "Service", name: "web-active"))
            #expect(try store.objects(kind: "Service").map { $0.reference } == ["Service/web-preview"])
            #expect(try store.delete(kind: "Rollout", name: "web"))
            #expect(try store.rollout(named: "web") == nil)
        }
    }

    @Test func everySeedManifestRoundTrips() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let set = ManifestLoader.load(data: try Data(contentsOf: seeds.appendingPathComponent(file)), file: file)
            let objects = set.documents.map(\.object).filter { !$0.reference.hasSuffix("/") }
            guard !set.hasErrors, !objects.isEmpty, Set(objects.map(\.reference)).count == objects.count else { continue }
            try StoreFixture.withStore { store, _ in
                #expect(try store.apply(objects).allSatisfy { $0.result == .created }, "\(file)")
                #expect(try store.apply(objects).allSatisfy { $0.result == .unchanged }, "\(file)")
                for object in objects {
                    let kind = String(object.reference.prefix { $0 != "/" })
                    let name = String(object.reference.drop { $0 != "/" }.dropFirst())
                    let stored = try #require(try store.object(kind: kind, name: name), "\(file): \(object.reference)")
                    #expect(try store.apply([stored]).map(\.result) == [.unchanged], "\(file): \(object.reference)")
                    if case .rollout(let applied) = object, case .rollout(let read) = stored {
                        #expect(read.spec == applied.spec, "\(file): \(object.reference)")
                    }
                }
            }
        }
    }
}
