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
    static let blueGreenManifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: \(blueGreen)
        spec:
          replicas: 2
          revisionHistoryLimit: 3
          selector:
            matchLabels:
              app: \(blueGreen)
          template:
            metadata:
              labels:
                app: \(blueGreen)
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
            blueGreen:
              activeService: \(blueGreen)-active
              previewService: \(blueGreen)-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 10
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(blueGreen)-active
        spec:
          selector:
            app: \(blueGreen)
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(blueGreen)-preview
        spec:
          selector:
            app: \(blueGreen)
          ports:
            - port: 80
              targetPort: 8080
        """

    /// A canary of four replicas whose traffic the proxy splits by weight: 20% until promoted, 50%, 80%, all.
    static let canaryManifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: \(canary)
        spec:
          replicas: 4
          revisionHistoryLimit: 3
          selector:
            matchLabels:
              app: \(canary)
          template:
            metadata:
              labels:
                app: \(canary)
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
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(canary)-stable
        spec:
          selector:
            app: \(canary)
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(canary)-canary
        spec:
          selector:
            app: \(canary)
          ports:
            - port: 80
              targetPort: 8080
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
}
