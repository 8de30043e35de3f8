import Foundation
import TurnoutCore
import TurnoutService

/// Reads manifest files (or every .yaml/.yml/.json file in a directory, and in its subdirectories when
/// recursive, as `kubectl -R`; `-` for standard input) for the commands that take `-f FILE`.
enum ManifestFiles {
    /// One path's bytes, or why it could not be read.
    struct Contents {
        /// The name messages use: the path, or `<stdin>`.
        var file: String
        /// The bytes; `nil` when the path could not be read.
        var data: Data?
        /// Why it could not be read: `no such file` or `cannot read the file`.
        var problem: String?
    }

    /// Reads every path after expanding directories, in order.
    static func read(_ paths: [String], recursive: Bool = false) -> [Contents] {
        expand(paths, recursive: recursive).map { path in
            if path == "-" {
                return Contents(file: "<stdin>", data: FileHandle.standardInput.readDataToEndOfFile(), problem: nil)
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
                return Contents(file: path, data: nil, problem: reason)
            }
            return Contents(file: path, data: data, problem: nil)
        }
    }

    /// Loads the paths into one set; unreadable paths become error diagnostics at `PATH:1:1`.
    static func load(_ paths: [String], recursive: Bool = false) -> ManifestSet {
        var set = ManifestSet()
        for contents in read(paths, recursive: recursive) {
            guard let data = contents.data else {
                let location = SourceLocation(file: contents.file, line: 1, column: 1)
                set.diagnostics.append(Diagnostic(severity: .error, location: location, path: [], message: contents.problem ?? "cannot read the file", fix: nil))
                continue
            }
            set = set.merged(with: ManifestLoader.load(data: data, file: contents.file))
        }
        return set
    }

    /// The files' texts for a runtime to apply; throws naming the first path that cannot be read.
    static func manifests(_ paths: [String], recursive: Bool = false) throws(ManifestFilesError) -> [ManifestFile] {
        try read(paths, recursive: recursive).map { contents throws(ManifestFilesError) in
            guard let data = contents.data else { throw .unreadable(contents.file, reason: contents.problem ?? "cannot read the file") }
            return ManifestFile(file: contents.file, manifest: String(decoding: data, as: UTF8.self))
        }
    }

    /// Replaces directories by the manifest files inside them (and their subdirectories when `recursive`), sorted.
    static func expand(_ paths: [String], recursive: Bool = false) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let names = recursive
                ? (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                : ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }
}

/// Why manifest files could not be read.
enum ManifestFilesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A path that does not exist or cannot be read.
    case unreadable(String, reason: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        }
    }
}
