extension RouteTable {
    /// Every problem that makes this table unusable, each naming the route and field; empty when valid.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        if drainTimeout < .zero { problems.append("drainTimeout: must not be negative") }
        for route in routes {
            let at = "route \(route.name.isEmpty ? "(unnamed)" : route.name)"
            if route.name.isEmpty { problems.append("\(at): name: must not be empty") }
            if !seen.insert(route.name).inserted { problems.append("\(at): name: used by another route") }
            if !route.pathPrefix.hasPrefix("/") { problems.append("\(at): pathPrefix: must start with '/' (got '\(route.pathPrefix)')") }
            for host in route.hosts where host.isEmpty || host.contains("/") || (host.contains("*") && !host.hasPrefix("*.") && host != "*") {
                problems.append("\(at): hosts: '\(host)' is not a host name or '*.domain' wildcard")
            }
            problems += route.split.problems(at: at)
        }
        return problems
    }

    /// Throws `ProxyError.invalidRouteTable` listing every problem; returns when the table is valid.
    public func validate() throws(ProxyError) {
        let problems = problems()
        if !problems.isEmpty { throw .invalidRouteTable(problems) }
    }
}

extension SplitRoute {
    func problems(at route: String) -> [String] {
        var problems: [String] = []
        if maxWeight < 1 { problems.append("\(route): maxWeight: must be at least 1 (got \(maxWeight))") }
        if canaryWeight < 0 || canaryWeight > maxWeight {
            problems.append("\(route): canaryWeight: must be within 0...\(maxWeight) (got \(canaryWeight))")
        }
        if canary == nil && canaryWeight > 0 { problems.append("\(route): canaryWeight: \(canaryWeight) needs a canary pool") }
        problems += stable.problems(at: "\(route): stable")
        if let canary { problems += canary.problems(at: "\(route): canary") }
        if canary == nil && (!headerRoutes.isEmpty || !cookieRoutes.isEmpty || mirror != nil) {
            problems.append("\(route): header, cookie and mirror routes need a canary pool")
        }
        for header in headerRoutes {
            if header.headers.isEmpty { problems.append("\(route): headerRoutes \(header.name): needs at least one header condition") }
            for condition in header.headers {
                problems += condition.match.problems(at: "\(route): headerRoutes \(header.name): \(condition.header)")
            }
        }
        for cookie in cookieRoutes {
            if cookie.cookie.isEmpty { problems.append("\(route): cookieRoutes \(cookie.name): cookie: must not be empty") }
            problems += cookie.match.problems(at: "\(route): cookieRoutes \(cookie.name)")
        }
        if let mirror {
            if !(0...100).contains(mirror.percentage) {
                problems.append("\(route): mirror \(mirror.name): percentage: must be within 0...100 (got \(mirror.percentage))")
            }
            for match in mirror.matches {
                if let method = match.method { problems += method.problems(at: "\(route): mirror \(mirror.name): method") }
                if let path = match.path { problems += path.problems(at: "\(route): mirror \(mirror.name): path") }
                for (name, value) in match.headers { problems += value.problems(at: "\(route): mirror \(mirror.name): \(name)") }
            }
        }
        return problems
    }
}

extension UpstreamPool {
    func problems(at pool: String) -> [String] {
        var problems: [String] = []
        if revision.isEmpty { problems.append("\(pool): revision: must not be empty") }
        if let check = healthCheck {
            if !check.path.hasPrefix("/") { problems.append("\(pool): healthCheck.path: must start with '/'") }
            if check.interval <= .zero { problems.append("\(pool): healthCheck.interval: must be positive") }
            if check.timeout <= .zero { problems.append("\(pool): healthCheck.timeout: must be positive") }
            if check.healthyThreshold < 1 { problems.append("\(pool): healthCheck.healthyThreshold: must be at least 1") }
            if check.unhealthyThreshold < 1 { problems.append("\(pool): healthCheck.unhealthyThreshold: must be at least 1") }
        }
        return problems
    }
}

extension ValueMatch {
    func problems(at field: String) -> [String] {
        do {
            _ = try CompiledValueMatch(self)
            return []
        } catch {
            return ["\(field): regex does not compile: \(error)"]
        }
    }
}
