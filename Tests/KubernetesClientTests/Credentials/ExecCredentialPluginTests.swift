import Foundation
import Testing

@testable import KubernetesClient

@Suite struct ExecCredentialPluginTests {
    /// A plugin that prints an ExecCredential whose token records its first argument, an env variable and
    /// whether KUBERNETES_EXEC_INFO arrived; run directly (the kernel reads the `#!` line), never through `sh -c`.
    static let script = """
        #!/bin/sh
        if [ "$FAIL" = "yes" ]; then echo "login expired" >&2; exit 3; fi
        case "$KUBERNETES_EXEC_INFO" in *'"interactive":false'*) info=info ;; *) info=noinfo ;; esac
        printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s|%s|%s|%s","expirationTimestamp":"2030-01-02T03:04:05Z"}}' "$API" "$1" "$#" "$SUFFIX" "$info"
        """

    @Test(arguments: ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"])
    func runsTheCommandWithArgumentsAndEnvironmentWithoutAShell(apiVersion: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let command = try directory.write("get-token", Self.script, executable: true)
        let config = ExecConfig(
            command: command, args: ["a b; $HOME `id`", "second"],
            env: [.init(name: "API", value: apiVersion), .init(name: "SUFFIX", value: "s*x")], apiVersion: apiVersion)
        let credential = try await ExecCredentialPlugin(config: config, environment: ["PATH": "/usr/bin:/bin"]).runOnceWritten()
        #expect(credential.token == "a b; $HOME `id`|2|s*x|info")
        #expect(credential.clientCertificate == nil)
        #expect(credential.expiration == Date(timeIntervalSince1970: 1_893_553_445))
    }

    @Test func findsABareCommandOnThePath() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bin/get-token", Self.script, executable: true)
        let config = ExecConfig(
            command: "get-token", args: ["x"], env: [.init(name: "API", value: "client.authentication.k8s.io/v1")])
        let plugin = ExecCredentialPlugin(config: config, environment: ["PATH": "/nonexistent:\(directory.file("bin")):/bin"])
        #expect(try plugin.resolveExecutable() == directory.file("bin/get-token"))
        #expect(try await plugin.runOnceWritten().token == "x|1||info")
    }

    @Test func reportsAMissingCommandWithItsInstallHint() async {
        let config = ExecConfig(command: "no-such-plugin-xyz", installHint: "brew install xyz")
        await #expect {
            try await ExecCredentialPlugin(config: config, environment: ["PATH": "/nonexistent"]).runOnceWritten()
        } throws: { error in
            (error as? ExecCredentialError)?.description
                == "run credential plugin no-such-plugin-xyz: command not found\nbrew install xyz"
        }
    }

    @Test func reportsAFailingCommandWithItsStatusAndStderr() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let command = try directory.write("get-token", Self.script, executable: true)
        let config = ExecConfig(command: command, env: [.init(name: "FAIL", value: "yes")])
        await #expect(throws: ExecCredentialError.failed(command: command, status: 3, stderr: "login expired\n")) {
            try await ExecCredentialPlugin(config: config, environment: ["PATH": "/usr/bin:/bin"]).runOnceWritten()
        }
    }

    @Test func refusesAnAnswerInAnotherAPIVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let command = try directory.write("get-token", Self.script, executable: true)
        let config = ExecConfig(
            command: command, env: [.init(name: "API", value: "client.authentication.k8s.io/v1beta1")],
            apiVersion: "client.authentication.k8s.io/v1")
        await #expect {
            try await ExecCredentialPlugin(config: config, environment: ["PATH": "/usr/bin:/bin"]).runOnceWritten()
        } throws: { error in
            guard case .malformedOutput(_, let message) = error as? ExecCredentialError else { return false }
            return message.contains("does not match client.authentication.k8s.io/v1")
        }
    }

    @Test func passesTheClusterWhenAsked() throws {
        let config = ExecConfig(command: "x", apiVersion: "client.authentication.k8s.io/v1", provideClusterInfo: true)
        let plugin = ExecCredentialPlugin(config: config, cluster: (server: "https://k:6443", certificateAuthorityPEM: [65]))
        #expect(
            plugin.execInfo()
                == #"{"apiVersion":"client.authentication.k8s.io\/v1","kind":"ExecCredential","spec":{"cluster":{"certificate-authority-data":"QQ==","server":"https:\/\/k:6443"},"interactive":false}}"#
        )
    }
}

@Suite struct ExecCredentialTests {
    static let v1 = "client.authentication.k8s.io/v1"

    @Test(arguments: [
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}"#,
            ExecCredential(token: "t", clientCertificate: nil, expiration: nil)
        ),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"C","clientKeyData":"K","expirationTimestamp":"2030-01-02T03:04:05.500Z"}}"#,
            ExecCredential(
                token: nil, clientCertificate: ClientCertificate(certificatePEM: [67], keyPEM: [75]),
                expiration: Date(timeIntervalSince1970: 1_893_553_445.5))
        ),
    ])
    func parsesTokensAndCertificates(json: String, expected: ExecCredential) throws {
        #expect(try ExecCredential.parse(Array(json.utf8), expectedAPIVersion: Self.v1, command: "p") == expected)
    }

    @Test(arguments: [
        ("not json", "not an ExecCredential JSON object"),
        (#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"Other","status":{"token":"t"}}"#, "kind is \"Other\""),
        (#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"}"#, "status is missing"),
        (#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}"#, "neither a token"),
        (#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientKeyData":"K"}}"#, "only one of"),
        (
            #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"soon"}}"#,
            "expirationTimestamp \"soon\""
        ),
    ])
    func refusesUnusableOutput(json: String, fragment: String) {
        #expect {
            try ExecCredential.parse(Array(json.utf8), expectedAPIVersion: Self.v1, command: "p")
        } throws: { error in
            (error as? ExecCredentialError)?.description.contains(fragment) == true
        }
    }
}

extension ExecCredentialPlugin {
    /// `run()`, tried again while the kernel says the script just written is busy (ETXTBSY): another test
    /// thread that forked while the script's file was open for writing holds it until that child execs.
    func runOnceWritten() async throws -> ExecCredential {
        for _ in 0..<20 {
            do {
                return try await run()
            } catch let error as ExecCredentialError where "\(error)".contains("Text file busy") {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        return try await run()
    }
}
