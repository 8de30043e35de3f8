import Foundation
import TurnoutCore

/// Where replicas' stdout and stderr go: `<directory>/<rollout>/<revision>-<index>.log`, rotated by copy and
/// truncate (the process keeps its append-only descriptor, even across a daemon restart) once a file passes
/// `sizeLimit`, keeping `keptFiles` older files as `.1` (newest) … `.<keptFiles>`.
public struct ReplicaLogs: Sendable {
    /// The directory holding one folder per rollout.
    public let directory: URL
    /// Bytes a file may reach before it is rotated.
    public let sizeLimit: Int
    /// Rotated files kept per replica.
    public let keptFiles: Int

    /// Creates the log layout under `directory`.
    public init(directory: URL, sizeLimit: Int = 10 << 20, keptFiles: Int = 3) {
        self.directory = directory
        self.sizeLimit = max(1, sizeLimit)
        self.keptFiles = max(0, keptFiles)
    }

    /// The current log file of a replica.
    public func path(of replica: ReplicaKey) -> String {
        folder(of: replica.rollout).appendingPathComponent("\(Self.safe(replica.revisionHash))-\(replica.index).log").path
    }

    /// Creates the rollout's folder, so a process can open its log file there.
    func prepare(_ replica: ReplicaKey) throws(ProcessSupervisorError) -> String {
        let folder = folder(of: replica.rollout)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .logs(action: "create log folder", path: folder.path, reason: error.localizedDescription)
        }
        return path(of: replica)
    }

    /// Appends one line from Turnout itself (`turnout: <time> <message>`) to a replica's log.
    func note(_ message: String, for replica: ReplicaKey, at time: Instant) {
        guard let path = try? prepare(replica), let handle = FileHandle(forWritingAtPath: path) ?? Self.create(path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data("turnout: \(time.rfc3339) \(message)\n".utf8))
    }

    /// Rotates a replica's log when it has passed `sizeLimit`; returns whether it did.
    @discardableResult
    public func rotateIfNeeded(_ replica: ReplicaKey) -> Bool {
        let path = path(of: replica)
        let manager = FileManager.default
        guard let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > sizeLimit else { return false }
        if keptFiles > 0 {
            try? manager.removeItem(atPath: "\(path).\(keptFiles)")
            for generation in stride(from: keptFiles - 1, through: 1, by: -1) where manager.fileExists(atPath: "\(path).\(generation)") {
                try? manager.moveItem(atPath: "\(path).\(generation)", toPath: "\(path).\(generation + 1)")
            }
            try? manager.copyItem(atPath: path, toPath: "\(path).1")
        }
        return truncate(path, 0) == 0
    }

    /// Deletes a replica's log files, current and rotated.
    func remove(_ replica: ReplicaKey) {
        let path = path(of: replica)
        for file in [path] + (0..<keptFiles).map({ "\(path).\($0 + 1)" }) {
            try? FileManager.default.removeItem(atPath: file)
        }
    }

    /// The last `lines` lines of each replica log of a rollout (of one revision when `revision` is given), by
    /// revision and index; rotated files are read when the current one has fewer lines.
    public func tail(rollout: String, revision: String? = nil, lines: Int) throws(ProcessSupervisorError) -> [ReplicaLogTail] {
        let folder = folder(of: rollout)
        let names: [String]
        do {
            guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .logs(action: "list logs", path: folder.path, reason: error.localizedDescription)
        }
        var tails: [ReplicaLogTail] = []
        for name in names where name.hasSuffix(".log") {
            let stem = name.dropLast(4)
            guard let dash = stem.lastIndex(of: "-"), let index = Int(stem[stem.index(after: dash)...]) else { continue }
            let hash = String(stem[..<dash])
            if let revision, Self.safe(revision) != hash { continue }
            let path = folder.appendingPathComponent(name).path
            var collected: [String] = []
            for file in [path] + (0..<keptFiles).map({ "\(path).\($0 + 1)" }) where collected.count < lines {
                guard let text = LogTail.lastLines(ofFile: file, count: lines - collected.count) else { break }
                collected = text + collected
            }
            tails.append(ReplicaLogTail(revisionHash: hash, index: index, path: path, lines: collected))
        }
        return tails.sorted { ($0.revisionHash, $0.index) < ($1.revisionHash, $1.index) }
    }

    /// A rollout's folder.
    private func folder(of rollout: String) -> URL {
        directory.appendingPathComponent(Self.safe(rollout), isDirectory: true)
    }

    /// A name usable as one path component: letters, digits, `.`, `_` and `-` kept, anything else `_`.
    static func safe(_ name: String) -> String {
        let mapped = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return mapped.isEmpty || mapped == "." || mapped == ".." ? "_" + mapped : mapped
    }

    private static func create(_ path: String) -> FileHandle? {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }
}
