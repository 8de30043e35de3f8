import Foundation
import Hummingbird
import Logging
import TurnoutHTTPServer

/// The stand-in for web-server images such as `nginx` and `httpd` in the single-host runtime: serves the files of
/// a directory (`index.html` for a directory) with GET and HEAD. When the directory does not exist, `/` answers a
/// small page naming `title` (the image), so versions of an image without content can still be told apart.
public struct StaticSite: Sendable {
    /// The directory served.
    public let root: String
    /// Where it listens.
    public let address: ListenAddress
    /// What the page for a missing directory names, such as the image.
    public let title: String
    let logger: Logger

    /// Creates a site serving `root` on `address`.
    public init(root: String, address: ListenAddress, title: String = "turnout serve-files", logger: Logger = Logger(label: "turnout.serve-files")) {
        self.root = root
        self.address = address
        self.title = title
        self.logger = logger
    }

    /// The page `/` answers when `root` does not exist.
    public var placeholderPage: String {
        "<!DOCTYPE html><html><head><title>\(Self.escaped(title))</title></head><body><h1>\(Self.escaped(title))</h1>"
            + "<p>Served by turnout serve-files; \(Self.escaped(root)) does not exist.</p></body></html>\n"
    }

    /// The Hummingbird application; `onRunning` gets the bound address (useful with port 0).
    public func makeApplication(onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
            router.add(middleware: FileMiddleware(root, searchForIndexHtml: true, logger: logger))
        } else {
            logger.warning("document root does not exist; / answers a placeholder page", metadata: ["files.root": "\(root)"])
            let page = placeholderPage
            router.get("/") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
            }
        }
        let address = address
        return Application(
            router: router,
            server: .guardedHTTP1(),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "turnout-serve-files"),
            onServerRunning: { channel in
                await onRunning(ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port))
            },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then finishes in-flight requests and returns.
    public func run(onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).runService()
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
