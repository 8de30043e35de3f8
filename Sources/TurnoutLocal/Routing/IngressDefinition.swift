import TurnoutCore

/// A Kubernetes Ingress as the single-host runtime reads it: host/path rules to Services, and NGINX canary annotations.
public struct IngressDefinition: Sendable, Hashable {
    /// One host and path prefix sent to a Service.
    public struct Rule: Sendable, Hashable {
        /// The Host header to match; `nil` matches any.
        public var host: String?
        /// The path prefix.
        public var path: String
        /// The backend Service.
        public var serviceName: String
    }

    /// NGINX canary annotations of a canary Ingress.
    public struct Canary: Sendable, Hashable {
        /// `canary-weight`.
        public var weight: Int
        /// `canary-by-header`.
        public var header: String?
        /// `canary-by-header-value`; without it the header value `always` routes to the canary.
        public var headerValue: String?
        /// `canary-by-cookie`.
        public var cookie: String?
    }

    /// The Ingress's name.
    public var name: String
    /// Its rules.
    public var rules: [Rule]
    /// Its canary annotations, when `nginx.ingress.kubernetes.io/canary: "true"`.
    public var canary: Canary?

    /// Reads an Ingress of `networking.k8s.io/v1` or the older `extensions/v1beta1` form; `nil` for other kinds.
    public init?(_ object: KubernetesObject, annotationPrefix: String = "nginx.ingress.kubernetes.io") {
        guard object.kind == "Ingress", let name = object.metadata.name else { return nil }
        self.name = name
        var rules: [Rule] = []
        for rule in object.document["spec"]?["rules"]?.arrayValue ?? [] {
            let host = rule["host"]?.stringValue
            for path in rule["http"]?["paths"]?.arrayValue ?? [] {
                let backend = path["backend"]
                guard let service = backend?["service"]?["name"]?.stringValue ?? backend?["serviceName"]?.stringValue else { continue }
                rules.append(Rule(host: host, path: path["path"]?.stringValue ?? "/", serviceName: service))
            }
        }
        if rules.isEmpty, let service = object.document["spec"]?["defaultBackend"]?["service"]?["name"]?.stringValue
            ?? object.document["spec"]?["backend"]?["serviceName"]?.stringValue {
            rules.append(Rule(host: nil, path: "/", serviceName: service))
        }
        self.rules = rules
        let annotations = object.metadata.annotations ?? [:]
        func annotation(_ key: String) -> String? { annotations["\(annotationPrefix)/\(key)"] }
        if annotation("canary") == "true" {
            canary = Canary(
                weight: annotation("canary-weight").flatMap { Int($0) } ?? 0,
                header: annotation("canary-by-header"),
                headerValue: annotation("canary-by-header-value"),
                cookie: annotation("canary-by-cookie")
            )
        } else {
            canary = nil
        }
    }
}
