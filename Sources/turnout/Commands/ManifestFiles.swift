import Foundation
import TurnoutCore

/// Reads manifest files (or every .yaml/.yml/.json file in a directory) into one manifest set.
enum ManifestFiles {
    /// Loads the paths; unreadable paths become error diagnostics.
    static func load(_ paths: [String]) -> ManifestSet {
        var set = ManifestSet()
        for path in expand(paths) {
            let location = SourceLocation(file: path, line: 1, column: 1)
            if path == "-" {
                set = set.merged(with: ManifestLoader.load(data: FileHandle.standardInput.readDataToEndOfFile(), file: "<stdin>"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
                set.diagnostics.append(Diagnostic(severity: .error, location: location, path: [], message: reason, fix: nil))
                continue
            }
            set = set.merged(with: ManifestLoader.load(data: data, file: path))
        }
        return set
    }

    /// Replaces directories by the manifest files inside them, sorted.
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }
}
