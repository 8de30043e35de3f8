/// The manifests the router tests apply: a canary rollout `demo` of two pods (Ready a second after they
/// start) between `stable-svc` and `canary-svc`, with the traffic routing and steps a test gives.
enum RoutedRolloutManifest {
    /// The stable and canary Services.
    static let services = """
        apiVersion: v1
        kind: Service
        metadata: {name: stable-svc}
        spec: {ports: [{port: 80, targetPort: 8080}], selector: {app: demo}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: canary-svc}
        spec: {ports: [{port: 80, targetPort: 8080}], selector: {app: demo}}
        """

    /// The rollout; `routing` and `steps` are YAML indented under `trafficRouting:` and `steps:` (12 and 8
    /// spaces); `services: false` leaves out stableService and canaryService (Istio subset-split).
    static func rollout(group: String = "argoproj.io", routing: String, steps: String, services: Bool = true) -> String {
        """
        apiVersion: \(group)/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          replicas: 2
          selector: {matchLabels: {app: demo}}
          template:
            metadata:
              labels: {app: demo}
              annotations: {turnout.dev/test-ready-after: 1s}
            spec:
              containers: [{name: demo, image: "argoproj/rollouts-demo:blue"}]
          strategy:
            canary:
        \(services ? "      stableService: stable-svc\n      canaryService: canary-svc" : "")
              trafficRouting:
        \(routing)
              steps:
        \(steps)
        """
    }
}
