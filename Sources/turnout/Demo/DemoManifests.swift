/// The rollouts `turnout demo` applies: the demo app released blue-green and as a weighted canary.
enum DemoManifests {
    /// The blue-green rollout's name.
    static let blueGreen = "bluegreen-demo"
    /// The canary rollout's name.
    static let canary = "canary-demo"
    /// The container both rollouts run.
    static let container = "demo"

    /// The image of the demo app in a colour.
    static func image(_ color: String) -> String { "argoproj/rollouts-demo:\(color)" }

    /// A blue-green rollout of two replicas behind an active and a preview Service, promoted by hand.
    static let blueGreenManifest = rollout(blueGreen, replicas: 2, strategy: """
            blueGreen:
              activeService: \(blueGreen)-active
              previewService: \(blueGreen)-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 10
        """) + service("\(blueGreen)-active", selecting: blueGreen) + service("\(blueGreen)-preview", selecting: blueGreen)

    /// A canary of four replicas whose traffic the proxy splits by weight: 20% until promoted, 50%, 80%, all.
    static let canaryManifest = rollout(canary, replicas: 4, strategy: """
            canary:
              stableService: \(canary)-stable
              canaryService: \(canary)-canary
              trafficRouting:
                nginx:
                  stableIngress: \(canary)
              steps:
                - setWeight: 20
                - pause: {}
                - setWeight: 50
                - pause: {duration: 5s}
                - setWeight: 80
                - pause: {duration: 5s}
        """) + service("\(canary)-stable", selecting: canary) + service("\(canary)-canary", selecting: canary) + """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: \(canary)
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: \(canary)-stable
                        port:
                          number: 80

        """

    /// A rollout of the blue demo app, ready when `/color` answers, with `strategy` (indented under `strategy:`).
    private static func rollout(_ name: String, replicas: Int, strategy: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
          revisionHistoryLimit: 3
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
                - name: \(container)
                  image: \(image("blue"))
                  ports:
                    - containerPort: 8080
                  readinessProbe:
                    httpGet:
                      path: /color
                      port: 8080
                    periodSeconds: 1
          strategy:
        \(strategy)

        """
    }

    /// A Service on port 80 selecting the pods labelled `app: APP`.
    private static func service(_ name: String, selecting app: String) -> String {
        """
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        spec:
          selector:
            app: \(app)
          ports:
            - port: 80
              targetPort: 8080

        """
    }
}
