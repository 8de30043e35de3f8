/// `strategy.canary.trafficRouting`: which router splits traffic by weight.
public struct TrafficRouting: Sendable, Hashable, Codable {
    /// NGINX Ingress canary annotations.
    public var nginx: NginxTrafficRouting?
    /// Istio VirtualService weights.
    public var istio: IstioTrafficRouting?
    /// SMI TrafficSplit, kept as written.
    public var smi: JSONValue?
    /// AWS ALB, kept as written (not routed by Turnout).
    public var alb: JSONValue?
    /// AWS App Mesh, kept as written (not routed by Turnout).
    public var appMesh: JSONValue?
    /// Ambassador, kept as written (not routed by Turnout).
    public var ambassador: JSONValue?
    /// Apache APISIX, kept as written (not routed by Turnout).
    public var apisix: JSONValue?
    /// Traefik, kept as written (not routed by Turnout).
    public var traefik: JSONValue?
    /// Router plugins by name, e.g. `argoproj-labs/gatewayAPI` with `httpRoute`.
    public var plugins: [String: JSONValue]?
    /// Routes Turnout manages for header and mirror steps, in precedence order.
    public var managedRoutes: [ManagedRoute]?
    /// The weight that means all traffic (default 100).
    public var maxTrafficWeight: Int?

    /// Creates traffic routing.
    public init(nginx: NginxTrafficRouting? = nil, istio: IstioTrafficRouting? = nil, plugins: [String: JSONValue]? = nil) {
        self.nginx = nginx
        self.istio = istio
        self.plugins = plugins
    }

    /// The routers Argo Rollouts has and Turnout does not run, by field name, in a fixed order.
    public var unsupportedRouterNames: [String] {
        let all: [(String, Bool)] = [
            ("alb", alb != nil), ("appMesh", appMesh != nil), ("ambassador", ambassador != nil),
            ("apisix", apisix != nil), ("smi", smi != nil), ("traefik", traefik != nil),
        ]
        return all.filter(\.1).map(\.0)
    }

    /// The Gateway API plugin's configuration, under any plugin name ending in `gatewayAPI`.
    public var gatewayAPI: JSONValue? {
        plugins?.first(where: { $0.key.hasSuffix("gatewayAPI") })?.value
    }
}

/// `trafficRouting.nginx`.
public struct NginxTrafficRouting: Sendable, Hashable, Codable {
    /// The Ingress serving stable traffic.
    public var stableIngress: String?
    /// Several Ingresses serving stable traffic.
    public var stableIngresses: [String]?
    /// The annotation prefix (default `nginx.ingress.kubernetes.io`).
    public var annotationPrefix: String?
    /// Extra canary annotations such as `canary-by-header`.
    public var additionalIngressAnnotations: [String: String]?
    /// Annotations added to the canary Ingress.
    public var canaryIngressAnnotations: [String: String]?

    /// Creates NGINX routing.
    public init(stableIngress: String? = nil) {
        self.stableIngress = stableIngress
    }
}

/// `trafficRouting.istio`.
public struct IstioTrafficRouting: Sendable, Hashable, Codable {
    /// One VirtualService.
    public var virtualService: IstioVirtualService?
    /// Several VirtualServices.
    public var virtualServices: [IstioVirtualService]?
    /// Subset-based routing through a DestinationRule.
    public var destinationRule: IstioDestinationRule?
}

/// A VirtualService and the routes in it Turnout sets weights on.
public struct IstioVirtualService: Sendable, Hashable, Codable {
    /// The VirtualService's name.
    public var name: String
    /// HTTP route names (default: the only route).
    public var routes: [String]?
    /// TLS routes, kept as written.
    public var tlsRoutes: JSONValue?
    /// TCP routes, kept as written.
    public var tcpRoutes: JSONValue?
}

/// A DestinationRule with the canary and stable subset names.
public struct IstioDestinationRule: Sendable, Hashable, Codable {
    /// The DestinationRule's name.
    public var name: String
    /// The subset for canary replicas.
    public var canarySubsetName: String
    /// The subset for stable replicas.
    public var stableSubsetName: String
}

/// A route name Turnout may create for header and mirror steps.
public struct ManagedRoute: Sendable, Hashable, Codable {
    /// The route's name.
    public var name: String

    /// Creates a managed route.
    public init(name: String) {
        self.name = name
    }
}
