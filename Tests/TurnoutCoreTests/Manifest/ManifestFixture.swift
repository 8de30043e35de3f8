import Foundation
import TurnoutCore

/// Small test-only model types standing in for the real ones, and helpers to decode YAML with them.
enum ManifestFixture {
    struct Metadata: Decodable, Equatable {
        var name: String
        var namespace: String?
        var labels: [String: String]?
    }

    struct Pause: Decodable, Equatable {
        var duration: String?
    }

    struct Step: Decodable, Equatable {
        var setWeight: Int?
        var pause: Pause?
    }

    /// An int-or-string field decoded the usual way: try an integer, else a string.
    enum IntOrString: Decodable, Equatable {
        case int(Int)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    struct Canary: Decodable, Equatable {
        var steps: [Step]?
        var maxSurge: IntOrString?
    }

    struct BlueGreen: Decodable, Equatable {
        var activeService: String
        var previewService: String?
        var autoPromotionEnabled: Bool?
        var scaleDownDelaySeconds: Int?
    }

    struct Strategy: Decodable, Equatable {
        var canary: Canary?
        var blueGreen: BlueGreen?
    }

    struct Spec: Decodable, Equatable {
        var replicas: Int?
        var minReadySeconds: Int?
        var strategy: Strategy?
    }

    struct Rollout: Decodable, Equatable {
        var apiVersion: String
        var kind: String
        var metadata: Metadata
        var spec: Spec?
    }

    enum Phase: String, Decodable, CaseIterable, Equatable {
        case healthy = "Healthy"
        case degraded = "Degraded"
        case paused = "Paused"
    }

    /// A weight whose own initializer rejects values outside 0...100.
    struct Weight: Decodable, Equatable {
        var value: Int

        init(value: Int) {
            self.value = value
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let value = try container.decode(Int.self)
            guard (0...100).contains(value) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "weight must be between 0 and 100, got \(value)"
                )
            }
            self.value = value
        }
    }

    /// Parses `yaml` (one document) and decodes it as `T`, returning every diagnostic.
    static func decode<T: Decodable>(
        _ type: T.Type,
        _ yaml: String,
        file: String = "test.yaml",
        at path: FieldPath = []
    ) -> (value: T?, diagnostics: [Diagnostic]) {
        let source = YAMLSource.documents(in: yaml, file: file)
        guard let document = source.documents.first else { return (nil, source.diagnostics) }
        let decoded = NodeDecoder(file: file).decode(type, from: document.node, at: path)
        return (decoded.value, source.diagnostics + decoded.diagnostics)
    }

    /// A compact, comparable form of a diagnostic for exact assertions.
    struct Expected: Equatable, CustomStringConvertible {
        var severity: Diagnostic.Severity
        var line: Int
        var column: Int
        var path: String
        var message: String
        var fix: String?

        init(_ severity: Diagnostic.Severity, _ line: Int, _ column: Int, _ path: String, _ message: String, fix: String? = nil) {
            self.severity = severity
            self.line = line
            self.column = column
            self.path = path
            self.message = message
            self.fix = fix
        }

        init(_ diagnostic: Diagnostic) {
            self.init(
                diagnostic.severity, diagnostic.location.line, diagnostic.location.column,
                diagnostic.path.description, diagnostic.message, fix: diagnostic.fix
            )
        }

        var description: String {
            "\(severity) \(line):\(column) \(path): \(message)" + (fix.map { " [\($0)]" } ?? "")
        }
    }

    static func summarize(_ diagnostics: [Diagnostic]) -> [Expected] {
        diagnostics.map(Expected.init)
    }
}
