import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `/proc` shows of the replica processes of one state directory, found without asking the daemon: a
/// replica leads its own session and writes its stdout to a log under `<state>/logs/`.
struct ReplicaProcessTable {
    /// One process as `/proc/<pid>/stat` shows it.
    struct Entry: Hashable, CustomStringConvertible {
        var pid: Int32
        var parent: Int32
        var state: Character
        /// Clock ticks after boot when it started: tells a process from a later one with the same pid.
        var startTicks: UInt64

        var isZombie: Bool { state == "Z" }
        var description: String { "pid \(pid) (parent \(parent), state \(state))" }
    }

    /// The state directory, symlinks resolved.
    let stateDirectory: String

    init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory.resolvingSymlinksInPath().path
    }

    /// The live (not yet exited) replica processes of the state directory.
    func liveReplicas() -> [Entry] {
        Self.allPids().compactMap { pid -> Entry? in
            guard let entry = Self.entry(pid), !entry.isZombie, entry.pid == Self.session(of: pid),
                  let output = Self.link("/proc/\(pid)/fd/1"), output.hasPrefix(stateDirectory + "/logs/") else { return nil }
            return entry
        }
    }

    /// The `turnout up` process serving the state directory, if one runs.
    func daemon() -> Int32? {
        Self.allPids().first { pid in
            guard let arguments = Self.commandLine(of: pid), let index = arguments.firstIndex(of: "--state-dir"), index + 1 < arguments.count,
                  arguments.dropFirst().first == "up", Self.entry(pid)?.isZombie == false else { return false }
            return URL(fileURLWithPath: arguments[index + 1]).resolvingSymlinksInPath().path == stateDirectory
        }
    }

    /// The processes that are zombies now and were `seen` before (same pid and start time).
    static func zombies(among seen: Set<Entry>) -> [Entry] {
        seen.compactMap { old in
            guard let now = entry(old.pid), now.startTicks == old.startTicks, now.isZombie else { return nil }
            return now
        }.sorted { $0.pid < $1.pid }
    }

    /// The zombie children of `parent`.
    static func zombieChildren(of parent: Int32) -> [Entry] {
        allPids().compactMap(entry).filter { $0.parent == parent && $0.isZombie }
    }

    /// The process's `/proc/<pid>/stat` fields, or `nil` when it is gone.
    static func entry(_ pid: Int32) -> Entry? {
        guard let fields = statFields(pid), fields.count > 19, let state = fields[0].first,
              let parent = Int32(fields[1]), let ticks = UInt64(fields[19]) else { return nil }
        return Entry(pid: pid, parent: parent, state: state, startTicks: ticks)
    }

    private static func session(of pid: Int32) -> Int32? {
        statFields(pid).flatMap { $0.count > 3 ? Int32($0[3]) : nil }
    }

    private static func statFields(_ pid: Int32) -> [String]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: end)...].split(separator: " ").map(String.init)
    }

    private static func commandLine(of pid: Int32) -> [String]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func link(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func allPids() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
    }
}
