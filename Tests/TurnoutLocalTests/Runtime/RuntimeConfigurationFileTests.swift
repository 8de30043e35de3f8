import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct RuntimeConfigurationFileTests {
    /// Writes `text` to a temporary file and loads it.
    static func load(_ text: String) throws(RuntimeConfigurationError) -> (file: RuntimeConfigurationFile, warnings: [Diagnostic]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-config-\(UUID().uuidString.prefix(8)).yaml").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try load(path: path)
    }

    static func load(path: String) throws(RuntimeConfigurationError) -> (file: RuntimeConfigurationFile, warnings: [Diagnostic]) {
        try RuntimeConfigurationFile.load(path: path)
    }

    @Test func readsImagesIngressAndDrainTimeout() throws {
        let (file, warnings) = try Self.load("""
            images:
              nginx:1.7.9: [nginx, -g, "daemon off;"]
              myorg/api: [/usr/local/bin/api, --port, $(PORT)]
            ingress: 127.0.0.1:8080
            drainTimeoutSeconds: 5
            """)
        #expect(warnings.isEmpty)
        #expect(file.images?["nginx:1.7.9"] == ["nginx", "-g", "daemon off;"])
        #expect(file.images?["myorg/api"] == ["/usr/local/bin/api", "--port", "$(PORT)"])
        #expect(file.ingress == "127.0.0.1:8080")
        #expect(file.drainTimeoutSeconds == 5)
    }

    @Test func unknownFieldsAreWarningsWithASuggestion() throws {
        let (_, warnings) = try Self.load("imgaes:\n  a: [b]\n")
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 1)
        #expect(warnings.first?.rendered.contains("images") == true, "\(warnings)")
    }

    @Test(arguments: [
        ("images:\n  web: []\n", 2, "images"),
        ("drainTimeoutSeconds: -1\n", 1, "drainTimeoutSeconds"),
        ("ingress: nowhere\n", 1, "ingress"),
        ("drainTimeoutSeconds: soon\n", 1, "drainTimeoutSeconds"),
    ])
    func errorsNameTheLineAndTheField(text: String, line: Int, field: String) {
        do {
            _ = try Self.load(text)
            Issue.record("accepted \(text)")
        } catch {
            guard case .invalid(_, let diagnostics) = error else { Issue.record("\(error)"); return }
            #expect(diagnostics.first?.location.line == line, "\(diagnostics)")
            #expect(diagnostics.first?.path.description.hasPrefix(field) == true, "\(diagnostics)")
        }
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: RuntimeConfigurationError.unreadable(path: "/nonexistent/config.yaml")) {
            try Self.load(path: "/nonexistent/config.yaml")
        }
    }
}
