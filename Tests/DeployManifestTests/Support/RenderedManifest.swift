import Foundation
import Yams

/// The objects of a `kubectl kustomize` rendering, parsed with Yams, with look-ups by kind and name.
struct RenderedManifest {
    /// Each document as a YAML mapping.
    var objects: [[String: Any]]

    /// Parses a multi-document YAML stream (empty documents skipped).
    init(yaml: String) throws {
        objects = try Yams.load_all(yaml: yaml).compactMap { $0 as? [String: Any] }
    }

    /// The kinds present, once each.
    var kinds: Set<String> { Set(objects.compactMap { $0["kind"] as? String }) }

    /// The objects of `kind`.
    func objects(ofKind kind: String) -> [[String: Any]] {
        objects.filter { $0["kind"] as? String == kind }
    }

    /// The names of the objects of `kind`, sorted.
    func names(ofKind kind: String) -> [String] {
        objects(ofKind: kind).compactMap { Self.string($0, "metadata", "name") }.sorted()
    }

    /// The one object of `kind` named `name`.
    func object(_ kind: String, _ name: String) -> [String: Any]? {
        objects(ofKind: kind).first { Self.string($0, "metadata", "name") == name }
    }

    /// The container `controller` of the Deployment `turnout-controller`.
    var controllerContainer: [String: Any]? {
        let containers = object("Deployment", "turnout-controller").flatMap { Self.value($0, "spec", "template", "spec", "containers") }
        return (containers as? [[String: Any]])?.first { $0["name"] as? String == "controller" }
    }

    /// The rules of the ClusterRole or Role given.
    func rules(_ kind: String, _ name: String) -> [PolicyRule] {
        guard let rules = object(kind, name)?["rules"] as? [[String: Any]] else { return [] }
        return rules.map(PolicyRule.init)
    }

    /// The value at `path` in nested mappings.
    static func value(_ object: [String: Any], _ path: String...) -> Any? {
        value(object, path)
    }

    /// The value at `path` in nested mappings.
    static func value(_ object: [String: Any], _ path: [String]) -> Any? {
        var current: Any? = object
        for key in path {
            guard let mapping = current as? [String: Any] else { return nil }
            current = mapping[key]
        }
        return current
    }

    /// The string at `path` in nested mappings.
    static func string(_ object: [String: Any], _ path: String...) -> String? {
        value(object, path) as? String
    }
}
