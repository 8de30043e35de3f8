/// Small manifests written inline for rule tests, with predictable line numbers.
enum InlineManifest {
    /// A valid Rollout whose first 17 lines are fixed; `strategy` (indented under `spec:`) starts on line 18.
    static func rollout(_ strategy: String, labels: String = "app: demo", selector: String = "matchLabels:\n      app: demo", spec: String = "") -> String {
        """
        apiVersion: turnout.dev/v1alpha1
        kind: Rollout
        metadata:
          name: demo
        spec:
          replicas: 3
          selector:
            \(selector)
          template:
            metadata:
              labels:
                \(labels)
            spec:
              containers:
              - name: demo
                image: argoproj/rollouts-demo:blue
        \(spec.isEmpty ? "" : spec + "\n")\(strategy)
        """
    }

    /// An AnalysisTemplate named `success-rate` whose metrics (indented under `spec:`) start on line 6.
    static func template(_ body: String, kind: String = "AnalysisTemplate") -> String {
        """
        apiVersion: turnout.dev/v1alpha1
        kind: \(kind)
        metadata:
          name: success-rate
        spec:
        \(body)
        """
    }
}
