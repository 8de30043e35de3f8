import ArgumentParser
import Foundation
import TurnoutDemoApp

/// `turnout serve-files --root DIR`: a static file server, the runtime's stand-in for the nginx and httpd images.
struct ServeFilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-files",
        abstract: "Serve the files of a directory over HTTP (what the nginx and httpd images run as locally).",
        discussion: """
            GET and HEAD answer with the file at the path under --root, or a directory's index.html; anything \
            else is 404. When --root does not exist, / answers a small page naming --title. Listens on --listen, else on 127.0.0.1:$PORT when PORT is set, else on 127.0.0.1:8080. \
            Prints `serving DIR on http://HOST:PORT` once ready and stops on SIGTERM or SIGINT.
            """
    )

    @Option(help: "The directory to serve.")
    var root: String

    @Option(help: "HOST:PORT to listen on (default 127.0.0.1:$PORT, else 127.0.0.1:8080).")
    var listen: String?

    @Option(help: "What / names when --root does not exist (the runtime passes the image).")
    var title: String = "turnout serve-files"

    func run() async throws {
        let address = try ListenAddress.resolve(listen: listen, environment: ProcessInfo.processInfo.environment)
        let root = root
        try await StaticSite(root: root, address: address, title: title).run { bound in
            FileHandle.standardOutput.write(Data("serving \(root) on http://\(bound)\n".utf8))
        }
    }
}
