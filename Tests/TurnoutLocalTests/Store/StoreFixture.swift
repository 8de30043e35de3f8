import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime

/// A clock that always says the same time.
struct FixedClock: InstantClock {
    var instant = Instant(secondsSinceEpoch: 1_767_225_600)

    func now() -> Instant { instant }
}

/// Builders for store tests: temporary state directories and manifests loaded from YAML.
enum StoreFixture {
    static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    /// A fresh directory path under the system's temporary directory (not created).
    static func stateDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("turnout-store-\(UUID().uuidString)").appendingPathComponent("state")
    }

    /// Runs `body` with a store in a fresh state directory, then deletes the directory.
    @discardableResult
    static func withStore<T>(eventLimit: Int = LocalStore.defaultEventLimit, _ body: (LocalStore, URL) throws -> T) throws -> T {
        let directory = stateDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let store = try LocalStore(directory: directory, clock: FixedClock(), eventLimit: eventLimit)
        return try body(store, directory)
    }

    /// The objects of a YAML text; fails the test on any load error.
    static func objects(_ yaml: String, file: String = "test.yaml") -> [ManifestObject] {
        let set = ManifestLoader.load(text: yaml, file: file)
        #expect(!set.hasErrors, "\(set.diagnostics)")
        return set.documents.map(\.object)
    }

    /// A blue-green rollout of the demo app.
    static func rollout(name: String = "web", image: String = "argoproj/rollouts-demo:blue", replicas: Int = 2, labels: String = "") -> ManifestObject {
        objects("""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: \(name)
              labels: {app: \(name)\(labels)}
            spec:
              replicas: \(replicas)
              revisionHistoryLimit: 2
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name)}
                spec:
                  containers:
                  - name: \(name)
                    image: \(image)
                    ports:
                    - containerPort: 8080
              strategy:
                blueGreen:
                  activeService: \(name)-active
                  previewService: \(name)-preview
                  autoPromotionEnabled: false
            """)[0]
    }

    /// A Service selecting `app: name`.
    static func service(name: String, port: Int = 80) -> ManifestObject {
        objects("""
            apiVersion: v1
            kind: Service
            metadata:
              name: \(name)
            spec:
              selector: {app: web}
              ports:
              - port: \(port)
                targetPort: 8080
            """)[0]
    }

    /// A ConfigMap with one key.
    static func configMap(name: String, value: String) -> ManifestObject {
        objects("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(name)
            data:
              value: "\(value)"
            """)[0]
    }

    /// An AnalysisTemplate, or a ClusterAnalysisTemplate.
    static func analysisTemplate(name: String, clusterScoped: Bool = false) -> ManifestObject {
        objects("""
            apiVersion: argoproj.io/v1alpha1
            kind: \(clusterScoped ? "ClusterAnalysisTemplate" : "AnalysisTemplate")
            metadata:
              name: \(name)
            spec:
              args:
              - name: service-name
              metrics:
              - name: success-rate
                interval: 10s
                successCondition: result[0] >= 0.95
                provider:
                  prometheus:
                    address: http://prometheus:9090
                    query: sum(rate(requests{service="{{args.service-name}}",code!~"5.."}[1m]))
            """)[0]
    }

    /// A pod template running `image`.
    static func template(_ image: String) -> PodTemplate {
        PodTemplate(metadata: PodTemplateMetadata(labels: ["app": "web"]), spec: PodSpec(containers: [Container(name: "web", image: image)]))
    }

    /// The rollout inside a manifest object.
    static func rollout(of object: ManifestObject?) -> Rollout? {
        if case .rollout(let rollout)? = object { return rollout } else { return nil }
    }
}
