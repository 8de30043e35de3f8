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
    /// Gateway API HTTPRoute weights (Turnout's group; Argo manifests use the plugin form).
    public var gatewayAPI: GatewayAPITrafficRouting?
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
    public var gatewayAPIPlugin: JSONValue? {
        plugins?.first(where: { $0.key.hasSuffix("gatewayAPI") })?.value
    }

    /// The Gateway API routing: the first-class field, else the plugin's configuration read the same way.
    public var effectiveGatewayAPI: GatewayAPITrafficRouting? {
        gatewayAPI ?? gatewayAPIPlugin.flatMap { try? $0.decoded(as: GatewayAPITrafficRouting.self) }
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

    /// Every VirtualService named (`virtualServices`, else `virtualService`).
    public var allVirtualServices: [IstioVirtualService] {
        virtualServices ?? [virtualService].compactMap { $0 }
    }
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

/// Gateway API routing (`trafficRouting.gatewayAPI`, or the `argoproj-labs/gatewayAPI` plugin's config): the
/// HTTPRoutes and GRPCRoutes whose backendRef weights Turnout sets.
public struct GatewayAPITrafficRouting: Sendable, Hashable, Codable {
    /// One HTTPRoute.
    public var httpRoute: String?
    /// Several HTTPRoutes, each saying whether header routes go into it.
    public var httpRoutes: [GatewayRouteReference]?
    /// One GRPCRoute.
    public var grpcRoute: String?
    /// Several GRPCRoutes.
    public var grpcRoutes: [GatewayRouteReference]?
    /// The routes' namespace (default: the rollout's).
    public var namespace: String?

    /// Creates Gateway API routing.
    public init(httpRoute: String? = nil, httpRoutes: [GatewayRouteReference]? = nil, grpcRoute: String? = nil, grpcRoutes: [GatewayRouteReference]? = nil, namespace: String? = nil) {
        self.httpRoute = httpRoute
        self.httpRoutes = httpRoutes
        self.grpcRoute = grpcRoute
        self.grpcRoutes = grpcRoutes
        self.namespace = namespace
    }

    /// Every HTTPRoute named, with whether header and mirror routes go into it (always for `httpRoute`).
    public var routes: [GatewayRouteReference] { Self.references(httpRoute, httpRoutes) }

    /// Every GRPCRoute named, likewise.
    public var grpcRouteReferences: [GatewayRouteReference] { Self.references(grpcRoute, grpcRoutes) }

    /// The routes' namespace: `namespace` when set, else the rollout's.
    public func routeNamespace(rolloutNamespace: String) -> String {
        namespace.flatMap { $0.isEmpty ? nil : $0 } ?? rolloutNamespace
    }

    private static func references(_ one: String?, _ several: [GatewayRouteReference]?) -> [GatewayRouteReference] {
        if let several, !several.isEmpty { return several.filter { !$0.name.isEmpty } }
        return [one].compactMap { $0 }.filter { !$0.isEmpty }.map { GatewayRouteReference(name: $0, useHeaderRoutes: true) }
    }
}

/// One HTTPRoute of Gateway API routing.
public struct GatewayRouteReference: Sendable, Hashable, Codable {
    /// The HTTPRoute's name.
    public var name: String
    /// Whether header and mirror routes are added to it.
    public var useHeaderRoutes: Bool?

    /// Creates a reference.
    public init(name: String, useHeaderRoutes: Bool? = nil) {
        self.name = name
        self.useHeaderRoutes = useHeaderRoutes
    }
}
