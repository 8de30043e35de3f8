/// The manifests the router tests apply: a canary rollout `demo` of two pods (Ready a second after they
/// start) between `stable-svc` and `canary-svc` (or Services named otherwise), with the traffic routing and
/// steps a test gives, and the stable Ingress of book listing 5.7.
enum RoutedRolloutManifest {
    /// The stable and canary Services.
    static let services = services(stable: "stable-svc", canary: "canary-svc")

    /// Two Services of the rollout's pods, named as given.
    static func services(stable: String, canary: String) -> String {
        [stable, canary].map { name in
            """
            apiVersion: v1
            kind: Service
            metadata: {name: \(name)}
            spec: {ports: [{port: 80, targetPort: 8080}], selector: {app: demo}}
            """
        }.joined(separator: "\n---\n")
    }

    /// Book listing 5.7's `demo-ingress` in `networking.k8s.io/v1` form: demo.info's `/` to `service`'s port 80.
    static func stableIngress(service: String = "stable-svc") -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: demo-ingress}
        spec:
          rules:
            - host: demo.info
              http:
                paths: [{path: /, pathType: Prefix, backend: {service: {name: \(service), port: {number: 80}}}}]
        """
    }

    /// The rollout; `routing` and `steps` are YAML indented under `trafficRouting:` and `steps:` (12 and 8
    /// spaces); `services: false` leaves out stableService and canaryService (Istio subset-split).
    static func rollout(
        group: String = "argoproj.io", routing: String, steps: String, services: Bool = true, stableService: String = "stable-svc", canaryService: String = "canary-svc"
    ) -> String {
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
        \(services ? "      stableService: \(stableService)\n      canaryService: \(canaryService)" : "")
              trafficRouting:
        \(routing)
              steps:
        \(steps)
        """
    }
}
