import Foundation
@testable import TurnoutCore

/// Manifest files of the repository (`Tests/Fixtures`, `examples`), loaded and linted the way `turnout lint` does.
enum LintFixture {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixture files of a folder under `Tests/Fixtures` such as `seeds` or `broken`, as `folder/name.yaml`, sorted.
    static func names(in folder: String) -> [String] {
        let directory = repository.appendingPathComponent("Tests/Fixtures/\(folder)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The text of a fixture such as `broken/setweight-over.yaml`, or of a repository file such as `examples/canary.yaml`.
    static func text(_ name: String) -> String {
        let base = name.hasPrefix("examples/") ? repository : repository.appendingPathComponent("Tests/Fixtures")
        return (try? String(contentsOf: base.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Loads files together, each named by its path as given.
    static func load(_ names: [String]) -> ManifestSet {
        names.reduce(ManifestSet()) { set, name in
            set.merged(with: ManifestLoader.load(text: text(name), file: name))
        }
    }

    /// Everything `turnout lint` would report for the files: load problems, then lint problems.
    static func diagnostics(_ names: String...) -> [Diagnostic] {
        diagnostics(names)
    }

    /// Everything `turnout lint` would report for a list of files.
    static func diagnostics(_ names: [String]) -> [Diagnostic] {
        let set = load(names)
        return set.diagnostics + Linter.lint(set)
    }

    /// The rendered lines `turnout lint` would print for the files.
    static func lines(_ names: String...) -> [String] {
        let set = load(names)
        return (set.diagnostics + Linter.lint(set)).map(\.rendered)
    }

    /// The rendered lines for a manifest given as text, named `inline.yaml`.
    static func lines(yaml: String) -> [String] {
        let set = ManifestLoader.load(text: yaml, file: "inline.yaml")
        return (set.diagnostics + Linter.lint(set)).map(\.rendered)
    }
}
