import Foundation
import Testing
import TurnoutCore

@Suite struct PodTemplateIdentityTests {
    typealias F = EngineFixture

    static func template(_ json: String) -> PodTemplate {
        try! JSONDecoder().decode(PodTemplate.self, from: Data(json.utf8))
    }

    static let written = template(#"""
    {"metadata": {"labels": {"app": "demo"}},
     "spec": {"containers": [{"name": "demo", "image": "argoproj/rollouts-demo:blue",
       "ports": [{"containerPort": 8080}],
       "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}],
       "volumes": [{"name": "config", "configMap": {"name": "demo"}}]}}
    """#)

    /// What the API server returns for `written` inside a ReplicaSet made by Argo Rollouts.
    static let fromArgo = template(#"""
    {"metadata": {"creationTimestamp": null, "labels": {"app": "demo", "rollouts-pod-template-hash": "6d4b9f8c7"}},
     "spec": {"containers": [{"name": "demo", "image": "argoproj/rollouts-demo:blue", "imagePullPolicy": "IfNotPresent",
       "ports": [{"containerPort": 8080, "protocol": "TCP"}], "resources": {},
       "readinessProbe": {"httpGet": {"path": "/", "port": 8080, "scheme": "HTTP"}, "timeoutSeconds": 1,
         "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
       "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"}],
       "volumes": [{"name": "config", "configMap": {"name": "demo", "defaultMode": 420}}],
       "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
       "securityContext": {}, "schedulerName": "default-scheduler"}}
    """#)

    @Test func argoReplicaSetTemplateMatchesTheTemplateAsWritten() {
        #expect(podTemplatesMatch(Self.fromArgo, Self.written))
        #expect(podTemplatesMatch(Self.written, Self.fromArgo))
        #expect(podTemplateHash(Self.fromArgo) != podTemplateHash(Self.written))
    }

    struct Difference: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout PodTemplate) -> Void
        var testDescription: String { name }
    }

    /// Real differences are never hidden by the defaults.
    @Test(arguments: [
        Difference(name: "another image") { $0.spec.containers[0].image = "argoproj/rollouts-demo:green" },
        Difference(name: "another label") { $0.metadata?.labels?["track"] = "canary" },
        Difference(name: "a pull policy that is not the default") { $0.spec.containers[0].imagePullPolicy = "Always" },
        Difference(name: "a grace period that is not the default") { $0.spec.terminationGracePeriodSeconds = 5 },
        Difference(name: "an extra container") { $0.spec.containers.append(Container(name: "sidecar", image: "busybox:1")) },
        Difference(name: "a changed probe period") { $0.spec.containers[0].readinessProbe?.periodSeconds = 2 },
    ])
    func realDifferencesKeepTemplatesApart(_ row: Difference) {
        var changed = Self.fromArgo
        row.edit(&changed)
        #expect(!podTemplatesMatch(changed, Self.written))
    }

    @Test(arguments: [
        ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.25", "IfNotPresent"),
        ("registry.local:5000/nginx", "Always"), ("registry.local:5000/nginx:1.7.9", "IfNotPresent"),
        ("nginx@sha256:abc", "IfNotPresent"),
    ])
    func pullPolicyDefaultFollowsTheTag(_ image: String, _ policy: String) {
        var defaulted = Self.written
        defaulted.spec.containers[0].image = image
        var written = defaulted
        defaulted.spec.containers[0].imagePullPolicy = policy
        #expect(podTemplatesMatch(defaulted, written))
        written.spec.containers[0].imagePullPolicy = policy == "Always" ? "IfNotPresent" : "Always"
        #expect(!podTemplatesMatch(defaulted, written))
    }

    /// The hash is over the template as written: unchanged for today's templates (golden values), and the same
    /// for a field Turnout keeps opaque as for the same field typed, since both encode as written.
    @Test func hashIsStableOverTheTemplateAsWritten() {
        #expect(podTemplateHash(F.blue) == podTemplateHash(Self.template(String(decoding: canonicalTemplateBytes(F.blue), as: UTF8.self))))
        #expect(podTemplateHash(F.blue) == "8mz8mdz5g2")
        #expect(podTemplateHash(F.green) == "bw4m7dzccz")
        let opaque = Self.template(#"{"spec": {"containers": [{"name": "a", "image": "x:1", "tty": true}], "hostname": "h"}}"#)
        let reordered = Self.template(#"{"spec": {"hostname": "h", "containers": [{"tty": true, "image": "x:1", "name": "a"}]}}"#)
        #expect(podTemplateHash(opaque) == podTemplateHash(reordered))
    }

    /// The engine adopts an existing revision whose template matches instead of creating a new one.
    @Test func engineAdoptsAMatchingRevision() {
        var rollout = F.canaryRollout(replicas: 3, steps: [CanaryStep(setWeight: 50)], image: Self.written)
        rollout.status = nil
        let adopted = RevisionState(hash: "6d4b9f8c7", number: 4, template: Self.fromArgo, replicas: 3, readyReplicas: 3, availableReplicas: 3)
        let decision = reconcile(RolloutSnapshot(rollout: rollout, revisions: [adopted]), now: F.start)
        #expect(decision.revisions.map(\.hash) == ["6d4b9f8c7"])
        #expect(decision.revisions.first?.template == Self.fromArgo)
        #expect(decision.status.stableRS == "6d4b9f8c7")
        #expect(decision.status.currentPodHash == "6d4b9f8c7")
        #expect(!decision.events.contains { $0.reason == .revisionCreated })
    }
}
