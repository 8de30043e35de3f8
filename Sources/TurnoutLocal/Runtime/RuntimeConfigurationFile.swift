import Foundation
import TurnoutCore
import TurnoutProxy

/// `turnout up --config FILE` (default `<state-dir>/config.yaml` when it exists): settings of the
/// single-host runtime that outlive one command line.
///
/// ```yaml
/// images:                              # image (or repository) → what to run for containers without a command
///   nginx:1.7.9: [nginx, -g, "daemon off;", -c, /etc/turnout/nginx.conf]
///   myorg/api: [/usr/local/bin/api, --port, $(PORT)]
/// ingress: 127.0.0.1:8080              # where Ingress routes listen
/// drainTimeoutSeconds: 30              # how long in-flight requests to a stopping replica may take
/// ```
public struct RuntimeConfigurationFile: Sendable, Hashable, Codable {
    /// Image reference or repository → argument vector (expanded like a command: `$(PORT)`, `$(TURNOUT_IMAGE_TAG)`).
    public var images: [String: [String]]?
    /// `HOST:PORT` of the listener shared by Ingress routes.
    public var ingress: String?
    /// Seconds in-flight requests to a stopping replica may take.
    public var drainTimeoutSeconds: Double?

    /// Creates a configuration.
    public init(images: [String: [String]]? = nil, ingress: String? = nil, drainTimeoutSeconds: Double? = nil) {
        self.images = images
        self.ingress = ingress
        self.drainTimeoutSeconds = drainTimeoutSeconds
    }

    /// Reads and checks a configuration file; warnings (unknown fields) come back with the value.
    public static func load(path: String) throws(RuntimeConfigurationError) -> (file: RuntimeConfigurationFile, warnings: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        let (value, diagnostics, locations) = YAMLFile.decode(RuntimeConfigurationFile.self, text: String(decoding: data, as: UTF8.self), file: path)
        var errors = diagnostics.filter(\.isError)
        func error(_ field: FieldPath, _ message: String, fix: String) {
            let location = locations?.value(field.description) ?? SourceLocation(file: path, line: 1, column: 1)
            errors.append(Diagnostic(severity: .error, location: location, path: field, message: message, fix: fix))
        }
        if let value {
            for (image, arguments) in (value.images ?? [:]).sorted(by: { $0.key < $1.key }) where arguments.isEmpty || image.isEmpty {
                error(FieldPath([.key("images"), .key(image)]), "an image needs a name and a non-empty argument vector", fix: "write `IMAGE: [PROGRAM, ARG...]`")
            }
            if let seconds = value.drainTimeoutSeconds, seconds < 0 {
                error(FieldPath([.key("drainTimeoutSeconds")]), "drainTimeoutSeconds cannot be negative, got \(seconds)", fix: "use 0 or more")
            }
            if let ingress = value.ingress, ListenerConfiguration(name: RouteTableBuilder.ingressListener, parsing: ingress) == nil {
                error(FieldPath([.key("ingress")]), "'\(ingress)' is not an address", fix: "write HOST:PORT, e.g. 127.0.0.1:8080")
            }
        }
        guard let value, errors.isEmpty else { throw .invalid(path: path, diagnostics: errors) }
        return (value, diagnostics.filter { !$0.isError })
    }
}

/// Why a runtime configuration file was refused.
public enum RuntimeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String)
    /// The file has errors, each a diagnostic.
    case invalid(path: String, diagnostics: [Diagnostic])

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "read runtime configuration \(path): no such file, or it cannot be read"
        case .invalid(let path, let diagnostics):
            return (["runtime configuration \(path) is invalid:"] + diagnostics.map(\.rendered)).joined(separator: "\n")
        }
    }
}
