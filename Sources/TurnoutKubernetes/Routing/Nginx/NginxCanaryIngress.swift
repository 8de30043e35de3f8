import KubernetesClient
import TurnoutCore
import TurnoutRuntime

/// The canary Ingress of `trafficRouting.nginx`, built as Argo Rollouts builds it: named
/// `<rollout>-<stableIngress>-canary`, the stable Ingress's rules that send traffic to the stable Service
/// copied with that backend rewritten to the canary Service, its TLS, class and `kubernetes.io/ingress.class`
/// kept, owned by the rollout, with `<prefix>/canary: "true"` and `<prefix>/canary-weight` (and
/// `canary-weight-total` when `maxTrafficWeight` is set). A `setHeaderRoute` becomes `canary-by-header` with
/// `-value` (exact) or `-pattern` (prefix, regex), or on the `Cookie` header `canary-by-cookie`, named by
/// Turnout's `turnout.dev/header-route`. Pure: the
/// router sends what it returns.
public enum NginxCanaryIngress {
    /// The annotation prefix ingress-nginx reads by default.
    public static let defaultPrefix = "nginx.ingress.kubernetes.io"
    /// The annotation naming the header route a canary Ingress carries.
    public static let headerRouteAnnotation = "turnout.dev/header-route"
    /// The longest name an Ingress may have.
    static let maximumNameLength = 253

    /// The stable Ingresses a rollout names (`stableIngresses`, else `stableIngress`).
    public static func stableIngresses(of routing: NginxTrafficRouting) -> [String] {
        let names = routing.stableIngresses ?? [routing.stableIngress].compactMap { $0 }
        return names.filter { !$0.isEmpty }
    }

    /// The canary Ingress's name for a stable Ingress, trimmed to the longest name the server accepts.
    public static func name(rollout: String, stableIngress: String) -> String {
        let suffix = "-canary"
        return String("\(rollout)-\(stableIngress)".prefix(maximumNameLength - suffix.count)) + suffix
    }

    /// The annotation prefix a rollout's routing uses.
    public static func prefix(of routing: NginxTrafficRouting) -> String {
        routing.annotationPrefix.flatMap { $0.isEmpty ? nil : $0 } ?? defaultPrefix
    }

    /// The canary Ingress for `stable` at `weight`, with a header route if one is given: throws when none of
    /// its rules sends traffic to the stable Service or the header route is more than NGINX can match.
    public static func build(from stable: Ingress, for rollout: Rollout, owner: OwnerReference, weight: Int, headerRoute: SetHeaderRoute? = nil) throws -> Ingress {
        let canaryStrategy = rollout.spec.strategy?.canary
        guard let routing = canaryStrategy?.trafficRouting?.nginx else { throw NginxRoutingError.notConfigured(rollout: rollout.key) }
        let stableService = canaryStrategy?.stableService ?? ""
        let canaryService = canaryStrategy?.canaryService ?? ""
        let stableName = stable.metadata.name ?? ""
        var rules: [KubernetesJSON] = []
        for rule in stable.spec?["rules"]?.arrayValue ?? [] {
            guard case .object(var ruleObject) = rule, case .object(var http)? = ruleObject["http"] else { continue }
            var usesStable = false
            let paths = (http["paths"]?.arrayValue ?? []).map { path -> KubernetesJSON in
                guard path[path: ["backend", "service", "name"]]?.stringValue == stableService else { return path }
                usesStable = true
                return path.replacing(["backend", "service", "name"], with: .string(canaryService))
            }
            guard usesStable else { continue }
            http["paths"] = .array(paths)
            ruleObject["http"] = .object(http)
            rules.append(.object(ruleObject))
        }
        guard !rules.isEmpty else {
            throw NginxRoutingError.noRuleForStableService(rollout: rollout.key, ingress: stableName, service: stableService)
        }
        var annotations = annotations(stable: stable, routing: routing, maxTrafficWeight: canaryStrategy?.trafficRouting?.maxTrafficWeight, weight: weight)
        if let headerRoute {
            try annotations.merge(headerAnnotations(headerRoute, prefix: prefix(of: routing), rollout: rollout.key)) { _, route in route }
        }
        var spec: [String: KubernetesJSON] = ["rules": .array(rules)]
        if let tls = stable.spec?["tls"] { spec["tls"] = tls }
        if let ingressClass = stable.spec?["ingressClassName"] { spec["ingressClassName"] = ingressClass }
        return Ingress(
            metadata: ClusterObjectMeta(
                name: name(rollout: rollout.name, stableIngress: stableName), namespace: rollout.metadata.namespace,
                annotations: annotations, ownerReferences: [owner]),
            spec: .object(spec))
    }

    /// The annotations a canary Ingress carries: the stable Ingress's class, the rollout's additional ones
    /// (prefixed when they are not), its full ones, then canary, weight and weight total, which always win.
    static func annotations(stable: Ingress, routing: NginxTrafficRouting, maxTrafficWeight: Int?, weight: Int) -> [String: String] {
        let prefix = prefix(of: routing)
        var annotations: [String: String] = [:]
        if let ingressClass = stable.metadata.annotations?["kubernetes.io/ingress.class"] {
            annotations["kubernetes.io/ingress.class"] = ingressClass
        }
        for (key, value) in routing.additionalIngressAnnotations ?? [:] {
            annotations[key.hasPrefix(prefix) ? key : "\(prefix)/\(key)"] = value
        }
        for (key, value) in routing.canaryIngressAnnotations ?? [:] { annotations[key] = value }
        annotations["\(prefix)/canary"] = "true"
        annotations["\(prefix)/canary-weight"] = String(weight)
        if let maxTrafficWeight { annotations["\(prefix)/canary-weight-total"] = String(maxTrafficWeight) }
        return annotations
    }

    /// The annotations of one header route: NGINX matches one header, exactly or by a pattern.
    static func headerAnnotations(_ route: SetHeaderRoute, prefix: String, rollout: RolloutKey) throws -> [String: String] {
        guard let matches = route.match, !matches.isEmpty else { return [:] }
        guard matches.count == 1, let match = matches.first else {
            throw NginxRoutingError.headerRouteNotExpressible(rollout: rollout, route: route.name, reason: "it matches \(matches.count) headers and NGINX matches one")
        }
        if match.headerName.lowercased() == "cookie" {
            return try cookieAnnotations(match.headerValue, prefix: prefix, route: route.name, rollout: rollout)
        }
        var annotations = ["\(prefix)/canary-by-header": match.headerName, headerRouteAnnotation: route.name]
        if let exact = match.headerValue.exact {
            annotations["\(prefix)/canary-by-header-value"] = exact
        } else if let regex = match.headerValue.regex {
            annotations["\(prefix)/canary-by-header-pattern"] = regex
        } else if let start = match.headerValue.prefix {
            annotations["\(prefix)/canary-by-header-pattern"] = RegexPattern.prefix(start)
        } else {
            throw NginxRoutingError.headerRouteNotExpressible(rollout: rollout, route: route.name, reason: "its headerValue has no exact, prefix or regex")
        }
        return annotations
    }

    /// A route on the `Cookie` header: `exact: "NAME=always"` is ingress-nginx's `canary-by-cookie: NAME` (the
    /// canary serves requests whose cookie NAME is `always`); another `NAME=VALUE` is that pair anywhere in the
    /// header, as a `canary-by-header-pattern` (as is a `regex`).
    static func cookieAnnotations(_ value: StringMatch, prefix: String, route: String, rollout: RolloutKey) throws -> [String: String] {
        if let regex = value.regex {
            return ["\(prefix)/canary-by-header": "Cookie", "\(prefix)/canary-by-header-pattern": regex, headerRouteAnnotation: route]
        }
        guard let exact = value.exact, let equals = exact.firstIndex(of: "="), equals != exact.startIndex else {
            throw NginxRoutingError.headerRouteNotExpressible(rollout: rollout, route: route, reason: "a Cookie route matches `exact: NAME=VALUE` or a regex")
        }
        let name = String(exact[..<equals])
        if exact[exact.index(after: equals)...] == "always" {
            return ["\(prefix)/canary-by-cookie": name, headerRouteAnnotation: route]
        }
        return ["\(prefix)/canary-by-header": "Cookie", "\(prefix)/canary-by-header-pattern": "(^|;\\s*)" + RegexPattern.escaped(exact) + "(;|$)", headerRouteAnnotation: route]
    }

    /// The header-route annotations Turnout writes and removes (those `additionalIngressAnnotations` sets stay).
    static func headerRouteKeys(prefix: String) -> [String] {
        ["\(prefix)/canary-by-header", "\(prefix)/canary-by-header-value", "\(prefix)/canary-by-header-pattern", "\(prefix)/canary-by-cookie", headerRouteAnnotation]
    }

    /// Whether `current` routes as `desired` asks: controlled by the same owner, the desired annotations
    /// present with their values and no header route it does not ask for, the same rules, TLS and class.
    public static func matches(_ current: Ingress, _ desired: Ingress, prefix: String) -> Bool {
        guard current.metadata.controllerReference?.uid == desired.metadata.controllerReference?.uid else { return false }
        let annotations = current.metadata.annotations ?? [:]
        let wanted = desired.metadata.annotations ?? [:]
        guard wanted.allSatisfy({ annotations[$0.key] == $0.value }) else { return false }
        guard headerRouteKeys(prefix: prefix).allSatisfy({ wanted[$0] != nil || annotations[$0] == nil }) else { return false }
        return ["rules", "tls", "ingressClassName"].allSatisfy { current.spec?[$0] == desired.spec?[$0] }
    }

    /// The merge patch that brings `current` to `desired` (annotations it lacks, header-route annotations it
    /// no longer asks for removed, rules, TLS and class replaced).
    public static func patch(bringing current: Ingress, to desired: Ingress, prefix: String) -> Patch {
        var annotations = (desired.metadata.annotations ?? [:]).mapValues(KubernetesJSON.string)
        for key in headerRouteKeys(prefix: prefix) where annotations[key] == nil && current.metadata.annotations?[key] != nil {
            annotations[key] = .null
        }
        var spec: [String: KubernetesJSON] = [:]
        for field in ["rules", "tls", "ingressClassName"] {
            if let value = desired.spec?[field] {
                spec[field] = value
            } else if current.spec?[field] != nil {
                spec[field] = .null
            }
        }
        return .merge(["metadata": ["annotations": .object(annotations)], "spec": .object(spec)])
    }

    /// The header route a canary Ingress carries, by name, read back from its annotations.
    public static func headerRoute(of canary: Ingress, prefix: String) -> String? {
        let annotations = canary.metadata.annotations ?? [:]
        guard annotations["\(prefix)/canary-by-header"] != nil || annotations["\(prefix)/canary-by-cookie"] != nil else { return nil }
        return annotations[headerRouteAnnotation]
    }

    /// The header route of a read-back canary Ingress as the build takes it (name and the match it carries).
    static func readHeaderRoute(of canary: Ingress, prefix: String) -> SetHeaderRoute? {
        let annotations = canary.metadata.annotations ?? [:]
        guard let name = headerRoute(of: canary, prefix: prefix) else { return nil }
        if let cookie = annotations["\(prefix)/canary-by-cookie"] {
            return SetHeaderRoute(name: name, match: [HeaderRouteMatch(headerName: "Cookie", headerValue: StringMatch(exact: "\(cookie)=always"))])
        }
        guard let header = annotations["\(prefix)/canary-by-header"] else { return nil }
        let value = annotations["\(prefix)/canary-by-header-value"].map { StringMatch(exact: $0) }
            ?? annotations["\(prefix)/canary-by-header-pattern"].map { StringMatch(regex: $0) } ?? StringMatch()
        return SetHeaderRoute(name: name, match: [HeaderRouteMatch(headerName: header, headerValue: value)])
    }

    /// The weight a canary Ingress carries, read back from its annotations; `nil` when it is not marked canary
    /// or the weight is not a number.
    public static func weight(of canary: Ingress, prefix: String) -> Int? {
        let annotations = canary.metadata.annotations ?? [:]
        guard annotations["\(prefix)/canary"] == "true" else { return nil }
        return annotations["\(prefix)/canary-weight"].flatMap { Int($0) }
    }
}
