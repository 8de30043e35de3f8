import Testing
import TurnoutCore
@testable import turnout

@Suite struct RuntimeOptionsTests {
    /// Options as the flags would set them.
    static func options(server: String? = nil, token: String? = nil, kubeconfig: String? = nil, context: String? = nil, namespace: String? = nil, apiGroup: String? = nil) throws -> RuntimeOptions {
        var options = try RuntimeOptions.parse([])
        options.server = server
        options.token = token
        options.kubeconfig = kubeconfig
        options.context = context
        options.namespace = namespace
        options.apiGroup = apiGroup
        return options
    }

    typealias Target = RuntimeOptions.Target
    static let local = Target.api(url: "http://127.0.0.1:7070", token: nil)
    static let remote = Target.api(url: "http://10.0.0.5:7070", token: nil)
    static let kubectlDefault = Target.cluster(kubeconfig: nil, context: nil, namespace: nil, group: nil)

    @Test(arguments: [
        // server flag, kubeconfig flag, context flag, namespace flag, environment, kubectl plugin, target
        (String?.none, String?.none, String?.none, String?.none, [String: String](), false, local),
        (nil, nil, nil, nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], false, remote),
        (nil, nil, nil, nil, ["TURNOUT_SERVER": ""], false, local),
        ("http://127.0.0.1:9000", nil, nil, nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], false, .api(url: "http://127.0.0.1:9000", token: nil)),
        ("http://127.0.0.1:9000", nil, nil, nil, ["KUBECONFIG": "/k"], true, .api(url: "http://127.0.0.1:9000", token: nil)),
        (nil, "/k", nil, nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], false, .cluster(kubeconfig: "/k", context: nil, namespace: nil, group: nil)),
        (nil, nil, "prod", nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], false, .cluster(kubeconfig: nil, context: "prod", namespace: nil, group: nil)),
        (nil, "/k", "prod", "shop", [:], false, .cluster(kubeconfig: "/k", context: "prod", namespace: "shop", group: nil)),
        (nil, nil, nil, "shop", [:], false, .cluster(kubeconfig: nil, context: nil, namespace: "shop", group: nil)),
        (nil, nil, nil, nil, ["KUBECONFIG": "/home/me/.kube/config"], false, kubectlDefault),
        (nil, nil, nil, nil, ["KUBECONFIG": ""], false, local),
        (nil, nil, nil, nil, ["KUBECONFIG": "/home/me/.kube/config", "TURNOUT_SERVER": "http://10.0.0.5:7070"], false, remote),
        (nil, nil, nil, nil, [:], true, kubectlDefault),
        (nil, nil, nil, nil, ["TURNOUT_SERVER": "http://10.0.0.5:7070"], true, remote),
    ] as [(String?, String?, String?, String?, [String: String], Bool, Target)])
    func choosesTheRuntimeByPrecedence(server: String?, kubeconfig: String?, context: String?, namespace: String?, environment: [String: String], plugin: Bool, target: Target) throws {
        let options = try Self.options(server: server, kubeconfig: kubeconfig, context: context, namespace: namespace)
        #expect(try options.target(environment: environment, asKubectlPlugin: plugin) == target)
    }

    @Test func theAPIGroupChoosesAClusterAndItsRollouts() throws {
        #expect(try Self.options(apiGroup: "argoproj.io").target(environment: ["TURNOUT_SERVER": "http://10.0.0.5:7070"], asKubectlPlugin: false)
            == .cluster(kubeconfig: nil, context: nil, namespace: nil, group: .argo))
        #expect(try Self.options(namespace: "shop", apiGroup: "turnout.dev").target(environment: [:], asKubectlPlugin: false)
            == .cluster(kubeconfig: nil, context: nil, namespace: "shop", group: .turnout))
        #expect(throws: RuntimeOptionsError.unknownGroup("argo")) { try Self.options(apiGroup: "argo").target(environment: [:], asKubectlPlugin: false) }
        #expect(throws: RuntimeOptionsError.serverAndCluster) { try Self.options(server: "http://127.0.0.1:9000", apiGroup: "argoproj.io").target(environment: [:], asKubectlPlugin: false) }
    }

    @Test func theTokenComesFromTheFlagThenTheEnvironment() throws {
        #expect(try Self.options().target(environment: ["TURNOUT_TOKEN": "env"], asKubectlPlugin: false) == .api(url: "http://127.0.0.1:7070", token: "env"))
        #expect(try Self.options(token: "flag").target(environment: ["TURNOUT_TOKEN": "env"], asKubectlPlugin: false) == .api(url: "http://127.0.0.1:7070", token: "flag"))
    }

    @Test(arguments: [
        (String?.some("/k"), String?.none, String?.none),
        (nil, "prod", nil),
        (nil, nil, "shop"),
    ])
    func aServerWithAClusterFlagIsAClearError(kubeconfig: String?, context: String?, namespace: String?) throws {
        let options = try Self.options(server: "http://127.0.0.1:9000", kubeconfig: kubeconfig, context: context, namespace: namespace)
        #expect(throws: RuntimeOptionsError.serverAndCluster) { try options.target(environment: [:], asKubectlPlugin: false) }
        #expect(RuntimeOptionsError.serverAndCluster.description.contains("give one or the other"))
    }

    @Test func validationRefusesBothBeforeTheCommandRuns() {
        #expect(throws: (any Error).self) { _ = try ListCommand.parseAsRoot(["--server", "http://127.0.0.1:9000", "-n", "shop"]) }
        #expect(throws: Never.self) { _ = try ListCommand.parseAsRoot(["--kubeconfig", "/k", "-n", "shop"]) }
        #expect(throws: Never.self) { _ = try ListCommand.parseAsRoot(["--server", "http://127.0.0.1:9000"]) }
    }

    @Test(arguments: [
        ("/usr/local/bin/kubectl-turnout", true), ("kubectl-turnout", true), ("/usr/local/bin/turnout", false),
        ("./.build/debug/turnout", false), ("/opt/kubectl-turnout-old", false),
    ])
    func theKubectlPluginIsKnownByItsFileName(path: String, plugin: Bool) {
        #expect(Invocation.isKubectlPlugin(programPath: path) == plugin)
    }
}
