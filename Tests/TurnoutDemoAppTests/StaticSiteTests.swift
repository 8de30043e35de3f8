import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TurnoutDemoApp

struct StaticSiteTests {
    @Test func servesFilesAndIndexPagesOverLoopback() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-site-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("hello this is version 1\n".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("body { }".utf8).write(to: root.appendingPathComponent("docs/site.css"))
        var logger = Logger(label: "turnout.serve-files.test")
        logger.logLevel = .warning
        let site = StaticSite(root: root.path, address: ListenAddress(host: "127.0.0.1", port: 0), logger: logger)
        try await site.makeApplication().test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "hello this is version 1\n")
            }
            try await client.execute(uri: "/docs/site.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
            try await client.execute(uri: "/missing.html", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/../../etc/passwd", method: .get) { response in
                #expect(response.status != .ok)
                #expect(!String(buffer: response.body).contains("root:"))
            }
        }
    }

    @Test func aMissingRootAnswersAPageNamingTheImage() async throws {
        var logger = Logger(label: "turnout.serve-files.test")
        logger.logLevel = .critical
        let site = StaticSite(root: "/nonexistent/turnout-\(UUID().uuidString)", address: ListenAddress(host: "127.0.0.1", port: 0),
                              title: "nginx:v2 <b>", logger: logger)
        try await site.makeApplication().test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>nginx:v2 &lt;b&gt;</h1>"), "\(body)")
            }
            try await client.execute(uri: "/other", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
