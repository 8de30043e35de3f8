import NIOCore
import NIOHTTP1
import Testing
@testable import TurnoutProxy

/// Loopback tests: every routing rule, through a real proxy to real upstreams.
@Suite struct ProxyServerRoutingTests {
    @Test func ninetyTenSplitIsExactOverOneHundredRequests() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        try await ProxyFixture.with(table: .split(stable: [stable], canary: [canary], weight: 10)) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            var names: [String] = []
            for _ in 0..<200 { names.append(try await connection.request(.GET, "/").text) }
            for start in stride(from: 0, through: 100, by: 10) {
                let window = names[start..<(start + 100)].filter { $0 == "canary" }.count
                #expect(abs(window - 10) <= 1)
            }
            #expect(names.filter { $0 == "canary" }.count == 20)
            #expect(proxy.server.observedWeight(route: "web") == 10)
        }
    }

    @Test func headerRouteSendsToCanaryAtWeightZero() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        let table = RouteTable.split(stable: [stable], canary: [canary], weight: 0) {
            $0.headerRoutes = [
                HeaderRoute(name: "exact", headers: [HeaderCondition(header: "X-Canary", match: .exact("always"))]),
                HeaderRoute(name: "prefix", headers: [HeaderCondition(header: "X-Version", match: .prefix("v2"))]),
                HeaderRoute(name: "regex", headers: [HeaderCondition(header: "User-Agent", match: .regex(".*Beta/[0-9]+"))]),
            ]
        }
        try await ProxyFixture.with(table: table) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/").text == "stable")
            #expect(try await connection.request(.GET, "/", headers: [("X-Canary", "always")]).text == "canary")
            #expect(try await connection.request(.GET, "/", headers: [("X-Canary", "never")]).text == "stable")
            #expect(try await connection.request(.GET, "/", headers: [("X-Version", "v2.3")]).text == "canary")
            #expect(try await connection.request(.GET, "/", headers: [("User-Agent", "App Beta/7")]).text == "canary")
            #expect(try await connection.request(.GET, "/", headers: [("User-Agent", "App/7")]).text == "stable")
        }
    }

    @Test func cookieRouteSendsToCanary() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        let table = RouteTable.split(stable: [stable], canary: [canary]) { $0.cookieRoutes = [CookieRoute(name: "c", cookie: "canary")] }
        try await ProxyFixture.with(table: table) { proxy in
            let always = try await fetch(port: proxy.port, "/", headers: [("Cookie", "session=1; canary=always")])
            let never = try await fetch(port: proxy.port, "/", headers: [("Cookie", "canary=never")])
            #expect(always.text == "canary")
            #expect(never.text == "stable")
        }
    }

    @Test func stickySessionsKeepUsersOnOneSide() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        let table = RouteTable.split(stable: [stable], canary: [canary], weight: 50) { $0.sticky = .cookie("session") }
        try await ProxyFixture.with(table: table) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            var sides: Set<String> = []
            for user in 0..<20 {
                let cookie = [("Cookie", "session=user-\(user)")]
                let first = try await connection.request(.GET, "/", headers: cookie).text
                for _ in 0..<3 { #expect(try await connection.request(.GET, "/", headers: cookie).text == first) }
                let expected = StickyHash.bucket(of: "user-\(user)"[...], buckets: 100) < 50 ? "canary" : "stable"
                #expect(first == expected)
                sides.insert(first)
            }
            #expect(sides.count == 2)
        }
    }

    @Test func hostAndPathPrefixChooseTheRoute() async throws {
        let web = try await TestUpstream.start(name: "web")
        let api = try await TestUpstream.start(name: "api")
        let shop = try await TestUpstream.start(name: "shop")
        let table = RouteTable(routes: [
            Route(name: "web", split: SplitRoute(stable: UpstreamPool("w", [web]))),
            Route(name: "api", pathPrefix: "/api", split: SplitRoute(stable: UpstreamPool("a", [api]))),
            Route(name: "shop", hosts: ["shop.test", "*.shop.test"], split: SplitRoute(stable: UpstreamPool("s", [shop]))),
        ])
        try await ProxyFixture.with(table: table) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/").text == "web")
            #expect(try await connection.request(.GET, "/api/users?x=1").text == "api")
            #expect(try await connection.request(.GET, "/apix").text == "web")
            #expect(try await connection.request(.GET, "/", headers: [("Host", "shop.test:8080")]).text == "shop")
            #expect(try await connection.request(.GET, "/api", headers: [("Host", "eu.shop.test")]).text == "shop")
        }
    }

    @Test func routesCanBeLimitedToAListener() async throws {
        let main = try await TestUpstream.start(name: "main")
        let preview = try await TestUpstream.start(name: "preview")
        let table = RouteTable(routes: [
            Route(name: "active", listener: "main", split: SplitRoute(stable: UpstreamPool("blue", [main]))),
            Route(name: "preview", listener: "preview", split: SplitRoute(stable: UpstreamPool("green", [preview]))),
        ])
        try await ProxyFixture.with(table: table) { proxy in
            let previewAddress = try await proxy.server.addListener(ListenerConfiguration(name: "preview", port: 0))
            #expect(try await fetch(port: proxy.port, "/").text == "main")
            #expect(try await fetch(port: previewAddress.port!, "/").text == "preview")
        }
    }

    @Test func noRouteIs404AndNoHealthyUpstreamIs503WithAClearBody() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        let table = RouteTable(routes: [
            Route(name: "web", hosts: ["web.test"], split: SplitRoute(stable: UpstreamPool("w", [upstream]))),
            Route(name: "empty", hosts: ["empty.test"], split: SplitRoute(stable: UpstreamPool(revision: "v9", upstreams: []))),
        ])
        try await ProxyFixture.with(table: table) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            let missing = try await connection.request(.GET, "/x", headers: [("Host", "other.test")])
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("no route for host 'other.test'"))
            let unavailable = try await connection.request(.GET, "/", headers: [("Host", "empty.test")])
            #expect(unavailable.status == .serviceUnavailable)
            #expect(unavailable.text == "503 Service Unavailable: no healthy upstream in pool 'v9' of route 'empty'\n")
            #expect(try await connection.request(.GET, "/", headers: [("Host", "web.test")]).text == "web")
        }
    }

    @Test func replicasInAPoolRotate() async throws {
        let replicas = [try await TestUpstream.start(name: "r1"), try await TestUpstream.start(name: "r2"), try await TestUpstream.start(name: "r3")]
        try await ProxyFixture.with(table: .split(stable: replicas)) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            var names: [String] = []
            for _ in 0..<6 { names.append(try await connection.request(.GET, "/").text) }
            #expect(names == ["r1", "r2", "r3", "r1", "r2", "r3"])
        }
    }

    @Test func mirrorCopiesAnExactShareOfMatchingRequestsAndDiscardsTheAnswers() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        let table = RouteTable.split(stable: [stable], canary: [canary], weight: 0) {
            $0.mirror = MirrorRoute(name: "m", percentage: 50, matches: [MirrorMatch(method: .exact("POST"), path: .prefix("/orders"))])
        }
        try await ProxyFixture.with(table: table) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            for index in 0..<10 {
                let body = connection.channel.allocator.buffer(string: "order \(index)")
                let response = try await connection.request(.POST, "/orders/\(index)", body: body)
                #expect(response.text == "stable")
            }
            for _ in 0..<4 { #expect(try await connection.request(.GET, "/orders").text == "stable") }
            await eventually("five mirrored orders reach the canary") { canary.requests == 5 }
            #expect(canary.paths.allSatisfy { $0.hasPrefix("/orders/") })
            #expect(canary.bodyBytesReceived == 5 * "order 0".utf8.count)
            #expect(stable.requests == 14)
            let metrics = await proxy.server.metrics()
            #expect(metrics.series(route: "web", revision: "canary")?.mirrored == 5)
        }
    }

    @Test func weightsChangeWithoutReconnecting() async throws {
        let stable = try await TestUpstream.start(name: "stable")
        let canary = try await TestUpstream.start(name: "canary")
        try await ProxyFixture.with(table: .split(stable: [stable], canary: [canary], weight: 0)) { proxy in
            let connection = try await TestHTTPConnection.connect(port: proxy.port)
            #expect(try await connection.request(.GET, "/").text == "stable")
            let observed = try await proxy.server.install(.split(stable: [stable], canary: [canary], weight: 100))
            #expect(observed.first?.effectiveCanaryWeight == 100)
            #expect(proxy.server.observedWeight(route: "web") == 100)
            for _ in 0..<5 { #expect(try await connection.request(.GET, "/").text == "canary") }
        }
    }

    @Test func forwardingHeadersAreSetAndHopByHopHeadersStripped() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream])) { proxy in
            let response = try await fetch(port: proxy.port, "/headers", headers: [
                ("Host", "shop.test"), ("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-Host", "evil.test"),
                ("Connection", "keep-alive, X-Drop-Me"), ("X-Drop-Me", "1"), ("Keep-Alive", "timeout=1"), ("Accept", "text/plain"),
            ])
            let lines = Set(response.text.split(separator: "\n").map { $0.lowercased() })
            #expect(lines.contains("x-forwarded-for: 127.0.0.1"))
            #expect(lines.contains("x-forwarded-proto: http"))
            #expect(lines.contains("x-forwarded-host: shop.test"))
            #expect(lines.contains("accept: text/plain"))
            #expect(!lines.contains { $0.hasPrefix("x-drop-me") || $0.hasPrefix("keep-alive") || $0.contains("6.6.6.6") || $0.contains("evil") })
        }
    }

    @Test func trustedForwardingHeadersAreAppendedTo() async throws {
        let upstream = try await TestUpstream.start(name: "web")
        try await ProxyFixture.with(table: .split(stable: [upstream]), configure: { $0.trustForwardedHeaders = true }) { proxy in
            let response = try await fetch(port: proxy.port, "/headers", headers: [("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-Proto", "https")])
            let lines = Set(response.text.split(separator: "\n").map { $0.lowercased() })
            #expect(lines.contains("x-forwarded-for: 6.6.6.6, 127.0.0.1"))
            #expect(lines.contains("x-forwarded-proto: https"))
        }
    }
}
