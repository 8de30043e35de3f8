import NIOCore

extension ProxyServer {
    /// Installs `table` on every event loop and returns once all of them route by it (the observed state).
    ///
    /// The table is validated first; an invalid one throws `ProxyError.invalidRouteTable` and changes nothing.
    /// New upstreams with a health check are probed before the swap (up to `initialHealthTimeout`), so a pool
    /// replaced under load keeps answering. Upstreams that left the table drain: no new requests, in-flight ones
    /// finish within `drainTimeout`, then their connections close. Installs run one at a time, in call order.
    @discardableResult
    public func install(_ table: RouteTable) async throws -> [ObservedRoute] {
        try table.validate()
        return try await installGate.run { [self] in
            if state.withLock({ $0.isStopped }) { throw ProxyError.notRunning }
            let (upstreams, added) = try registry.register(table)
            await waitForFirstVerdict(added.filter { $0.healthCheck != nil })
            let installed = state.withLock { state -> InstalledTable in
                let installed = InstalledTable(generation: state.nextGeneration, table: table, upstreams: upstreams)
                state.nextGeneration += 1
                return installed
            }
            await onEveryLoop { $0.install(installed) }
            state.withLock { $0.installed = installed }
            registry.retire(keeping: upstreams)
            logger.info("route table installed", metadata: ["routes.generation": "\(installed.generation)", "routes.count": "\(table.routes.count)"])
            return observedRoutes()
        }
    }

    /// The table in effect on every event loop, or `nil` before the first install.
    public var routeTable: RouteTable? {
        state.withLock { $0.installed?.table }
    }

    /// What the data plane does now, route by route: the installed routes, upstream health, effective weights.
    public func observedRoutes() -> [ObservedRoute] {
        guard let installed = state.withLock({ $0.installed }) else { return [] }
        return installed.table.routes.map { observe($0, in: installed) }
    }

    /// The canary weight in effect for `route` (on the route's `maxWeight` scale, health considered), or `nil` when
    /// no installed route has that name. This is the router port's `observedWeight`.
    public func observedWeight(route name: String) -> Int? {
        observedRoutes().first { $0.route.name == name }?.effectiveCanaryWeight
    }

    private func observe(_ route: Route, in installed: InstalledTable) -> ObservedRoute {
        func upstreams(_ pool: UpstreamPool, _ side: SplitDestination) -> [ObservedUpstream] {
            pool.upstreams.map { address in
                ObservedUpstream(address: address, side: side, revision: pool.revision, isHealthy: installed.upstreams[address]?.isHealthy ?? false)
            }
        }
        let stable = upstreams(route.split.stable, .stable)
        let canary = route.split.canary.map { upstreams($0, .canary) } ?? []
        let stableUp = stable.contains { $0.isHealthy }
        let canaryUp = canary.contains { $0.isHealthy }
        let configured = route.split.canary == nil ? 0 : route.split.canaryWeight
        let effective: Int
        switch (stableUp, canaryUp) {
        case (true, true), (false, false): effective = configured
        case (true, false): effective = 0
        case (false, true): effective = route.split.maxWeight
        }
        return ObservedRoute(route: route, generation: installed.generation, effectiveCanaryWeight: effective, upstreams: stable + canary)
    }

    /// Waits until each upstream has passed its health check, or `initialHealthTimeout` has passed.
    private func waitForFirstVerdict(_ upstreams: [Upstream]) async {
        guard !upstreams.isEmpty else { return }
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.initialHealthTimeout
        while clock.now < deadline, !upstreams.allSatisfy(\.isHealthy) {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
