import Testing
@testable import turnout

@Suite struct RuntimeOptionsTests {
    /// Options as the flags would set them.
    static func options(server: String? = nil, token: String? = nil, kubeconfig: String? = nil, context: String? = nil, namespace: String? = nil) throws -> RuntimeOptions {
        var options = try RuntimeOptions.parse([])
        options.server = server
        options.token = token
        options.kubeconfig = kubeconfig
        options.context = context
        options.namespace = namespace
        return options
    }

    @Test(arguments: [
        (String?.none, [String: String](), "http://127.0.0.1:7070"),
        (nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], "http://10.0.0.5:7070"),
        (nil, ["TURNOUT_SERVER": ""], "http://127.0.0.1:7070"),
        ("http://127.0.0.1:9000", ["TURNOUT_SERVER": "http://10.0.0.5:7070"], "http://127.0.0.1:9000"),
        // KUBECONFIG is not consulted by this build: the local API stays the default.
        (nil, ["KUBECONFIG": "/home/me/.kube/config"], "http://127.0.0.1:7070"),
        (nil, ["KUBECONFIG": "/home/me/.kube/config", "TURNOUT_SERVER": "http://10.0.0.5:7070"], "http://10.0.0.5:7070"),
    ])
    func choosesTheAPIByPrecedence(server: String?, environment: [String: String], url: String) throws {
        #expect(try Self.options(server: server).target(environment: environment) == .api(url: url, token: nil))
    }

    @Test func anExplicitServerWinsOverAnExplicitKubeconfig() throws {
        let options = try Self.options(server: "http://127.0.0.1:9000", kubeconfig: "/k", context: "prod")
        #expect(try options.target(environment: [:]) == .api(url: "http://127.0.0.1:9000", token: nil))
    }

    @Test func theTokenComesFromTheFlagThenTheEnvironment() throws {
        #expect(try Self.options().target(environment: ["TURNOUT_TOKEN": "env"]) == .api(url: "http://127.0.0.1:7070", token: "env"))
        #expect(try Self.options(token: "flag").target(environment: ["TURNOUT_TOKEN": "env"]) == .api(url: "http://127.0.0.1:7070", token: "flag"))
    }

    @Test(arguments: [
        (String?.none, String?.some("/k"), String?.none, String?.none, "--kubeconfig"),
        (nil, nil, "prod", nil, "--context"),
        (nil, "/k", "prod", nil, "--kubeconfig"),
        (nil, nil, nil, "shop", "-n/--namespace"),
        ("http://127.0.0.1:9000", nil, nil, "shop", "-n/--namespace"),
    ])
    func refusesAClusterWithAClearError(server: String?, kubeconfig: String?, context: String?, namespace: String?, flag: String) throws {
        let options = try Self.options(server: server, kubeconfig: kubeconfig, context: context, namespace: namespace)
        #expect(throws: RuntimeOptionsError.clusterNotSupported(flag: flag)) {
            try options.target(environment: ["TURNOUT_SERVER": "http://10.0.0.5:7070"])
        }
        #expect(RuntimeOptionsError.clusterNotSupported(flag: flag).description
            .hasPrefix("\(flag): not supported yet: this build reaches the single-host runtime only"))
    }

    @Test func validationRefusesAClusterBeforeTheCommandRuns() {
        #expect(throws: (any Error).self) { _ = try ListCommand.parseAsRoot(["--kubeconfig", "/k"]) }
        #expect(throws: (any Error).self) { _ = try ListCommand.parseAsRoot(["-n", "shop"]) }
        #expect(throws: Never.self) { _ = try ListCommand.parseAsRoot(["--server", "http://127.0.0.1:9000"]) }
    }
}
