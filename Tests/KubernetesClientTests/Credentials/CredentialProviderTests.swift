import Foundation

#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing

@testable import KubernetesClient

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// A fake plugin that counts its runs and hands out `token-N`, expiring `lifetime` seconds after the clock.
final class CountingPlugin: Sendable {
    private let runs = Mutex(0)
    let clock: ManualClock
    let lifetime: TimeInterval?
    init(clock: ManualClock, lifetime: TimeInterval?) {
        self.clock = clock
        self.lifetime = lifetime
    }
    var count: Int { runs.withLock { $0 } }
    func run(_ config: ExecConfig) async throws -> ExecCredential {
        let run = runs.withLock { value in
            value += 1
            return value
        }
        return ExecCredential(
            token: "token-\(run)", clientCertificate: nil, expiration: lifetime.map { clock.now + $0 })
    }
}

@Suite struct CredentialProviderTests {
    static let exec = ClientConfiguration.Authentication.exec(ExecConfig(command: "plugin"))

    @Test func cachesAnExecCredentialUntilItExpires() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_000))
        let plugin = CountingPlugin(clock: clock, lifetime: 60)
        let provider = CredentialProvider(authentication: Self.exec, runPlugin: plugin.run, now: { clock.now })
        #expect(try await provider.credential().authorization == "Bearer token-1")
        clock.advance(by: 59)
        #expect(try await provider.credential().authorization == "Bearer token-1")
        #expect(plugin.count == 1)
        clock.advance(by: 1)
        #expect(try await provider.credential().authorization == "Bearer token-2")
        #expect(plugin.count == 2)
    }

    @Test func keepsACredentialWithoutExpiryUntilInvalidated() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_000))
        let plugin = CountingPlugin(clock: clock, lifetime: nil)
        let provider = CredentialProvider(authentication: Self.exec, runPlugin: plugin.run, now: { clock.now })
        #expect(try await provider.credential().authorization == "Bearer token-1")
        clock.advance(by: 86_400)
        #expect(try await provider.credential().authorization == "Bearer token-1")
        await provider.invalidate()
        #expect(try await provider.credential().authorization == "Bearer token-2")
        #expect(await provider.canRefresh)
    }

    @Test func concurrentRequestsShareOnePluginRun() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_000))
        let plugin = CountingPlugin(clock: clock, lifetime: 60)
        let provider = CredentialProvider(authentication: Self.exec, runPlugin: plugin.run, now: { clock.now })
        let tokens = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.credential().authorization } }
            return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
        }
        #expect(tokens == ["Bearer token-1"])
        #expect(plugin.count == 1)
    }

    @Test func handsOutFixedCredentials() async throws {
        let never: @Sendable (ExecConfig) async throws -> ExecCredential = { _ in Issue.record("plugin ran"); throw CancellationError() }
        let bearer = CredentialProvider(authentication: .bearerToken("abc"), runPlugin: never)
        #expect(try await bearer.credential() == Credential(authorization: "Bearer abc", clientCertificate: nil))
        #expect(await bearer.canRefresh == false)
        let basic = CredentialProvider(authentication: .basic(username: "me", password: "pw"), runPlugin: never)
        #expect(try await basic.credential().authorization == "Basic bWU6cHc=")
        let none = CredentialProvider(authentication: .none, runPlugin: never)
        #expect(try await none.credential() == Credential(authorization: nil, clientCertificate: nil))
    }

    @Test func passesAPluginsClientCertificateOn() async throws {
        let certificate = ClientCertificate(certificatePEM: [1], keyPEM: [2])
        let provider = CredentialProvider(authentication: Self.exec) { _ in
            ExecCredential(token: nil, clientCertificate: certificate, expiration: nil)
        }
        #expect(try await provider.credential() == Credential(authorization: nil, clientCertificate: certificate))
    }

    @Test func rereadsATokenFileWhenItIsReplacedOrRewritten() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The layout kubelet uses: token -> ..data/token, ..data -> a timestamped folder swapped on rotation.
        try directory.write("v1/token", "first\n")
        try FileManager.default.createSymbolicLink(atPath: directory.file("..data"), withDestinationPath: "v1")
        try FileManager.default.createSymbolicLink(atPath: directory.file("token"), withDestinationPath: "..data/token")
        let provider = CredentialProvider(authentication: .tokenFile(directory.file("token"))) { _ in
            throw CancellationError()
        }
        #expect(try await provider.credential().authorization == "Bearer first")
        try directory.write("v2/token", "second")
        try FileManager.default.createSymbolicLink(atPath: directory.file("..data_tmp"), withDestinationPath: "v2")
        #expect(rename(directory.file("..data_tmp"), directory.file("..data")) == 0)
        #expect(try await provider.credential().authorization == "Bearer second")
        try "third-longer".write(toFile: directory.file("v2/token"), atomically: false, encoding: .utf8)
        #expect(try await provider.credential().authorization == "Bearer third-longer")
    }

    @Test func reportsAnUnreadableTokenFile() async {
        let provider = CredentialProvider(authentication: .tokenFile("/nonexistent/token")) { _ in throw CancellationError() }
        await #expect {
            try await provider.credential()
        } throws: { error in
            "\(error)".hasPrefix("read token file /nonexistent/token: ")
        }
    }
}
