#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurnoutCore

/// What `/proc` tells about a process: its argument vector, environment, start time, session and state; used to
/// tell that a recorded pid is still the replica that was started, not another process that got the same pid,
/// and to find replicas by the `ReplicaMarker` in their environment.
enum ProcessIdentity {
    /// What the environment of a process says about whose replica it is.
    enum MarkerReading: Sendable, Hashable {
        /// It carries a replica marker.
        case marked(ReplicaMarker)
        /// Its environment has no marker (or it is gone, or a zombie).
        case unmarked
        /// Its environment cannot be read (another user's process).
        case unreadable
    }

    /// Seconds the recorded start time and the kernel's may differ by.
    static let startTimeTolerance = 2.0

    /// Whether `pid` runs and is the process started with `arguments` at `startedAt`: its command line is
    /// `arguments`, or (for programs that rewrite their command line) it started within a moment of `startedAt`.
    static func matches(pid: pid_t, arguments: [String], startedAt: Instant) -> Bool {
        guard pid > 0, pid != getpid(), pid != getppid(), kill(pid, 0) == 0 || errno == EPERM, !isZombie(pid) else { return false }
        if commandLine(of: pid) == arguments { return true }
        guard let started = startTime(of: pid) else { return false }
        return abs(started.seconds(since: startedAt)) <= startTimeTolerance
    }

    /// The replica marker in the environment `pid` started with.
    static func marker(of pid: pid_t) -> MarkerReading {
        let fd = open("/proc/\(pid)/environ", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == EACCES || errno == EPERM ? .unreadable : .unmarked }
        close(fd)
        guard let bytes = readFile("/proc/\(pid)/environ") else { return .unmarked }
        var environment: [String: String] = [:]
        for entry in bytes.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            guard let equals = text.firstIndex(of: "="), text.hasPrefix("TURNOUT_") else { continue }
            environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        return ReplicaMarker(environment: environment).map(MarkerReading.marked) ?? .unmarked
    }

    /// Every live process that leads its own session (as replicas do) and carries a replica marker, by launch id.
    static func markedProcesses() -> [String: (pid: pid_t, marker: ReplicaMarker)] {
        var found: [String: (pid: pid_t, marker: ReplicaMarker)] = [:]
        let own = getpid()
        for pid in allPids() where pid != own {
            guard let fields = statFields(of: pid), fields.count > 3, fields[0] != "Z", fields[3] == "\(pid)",
                  case .marked(let marker) = marker(of: pid) else { continue }
            found[marker.launchID] = (pid, marker)
        }
        return found
    }

    /// When the process started, in clock ticks after boot (field 22 of proc(5)): with the pid, names one process
    /// for the whole uptime, since no two processes with the same pid start at the same tick.
    static func startTicks(of pid: pid_t) -> UInt64? {
        guard let fields = statFields(of: pid), fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// The argument vector in `/proc/<pid>/cmdline`, or `nil` when unreadable.
    static func commandLine(of pid: pid_t) -> [String]? {
        guard let bytes = readFile("/proc/\(pid)/cmdline"), !bytes.isEmpty else { return nil }
        let trimmed = bytes.last == 0 ? bytes.dropLast() : bytes[...]
        return trimmed.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// When the process started, from `/proc/<pid>/stat` and the boot time in `/proc/stat`.
    static func startTime(of pid: pid_t) -> Instant? {
        guard let fields = statFields(of: pid), fields.count > 19, let ticks = Double(fields[19]),
              let stat = readFile("/proc/stat") else { return nil }
        let line = String(decoding: stat, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("btime ") }
        guard let bootTime = line.flatMap({ Double($0.dropFirst(6).trimmingPrefix(" ")) }) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard ticksPerSecond > 0 else { return nil }
        return Instant(secondsSinceEpoch: bootTime + ticks / ticksPerSecond)
    }

    /// Whether the process has ended but not been reaped (state `Z` in `/proc/<pid>/stat`).
    static func isZombie(_ pid: pid_t) -> Bool {
        statFields(of: pid)?.first == "Z"
    }

    /// The fields of `/proc/<pid>/stat` after the command name: state first (field 3 of proc(5)).
    private static func statFields(of pid: pid_t) -> [String]? {
        guard let bytes = readFile("/proc/\(pid)/stat"), let end = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        return String(decoding: bytes[(end + 1)...], as: UTF8.self).split(separator: " ").map(String.init)
    }

    /// The pids in `/proc`.
    private static func allPids() -> [pid_t] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var pids: [pid_t] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let pid = pid_t(name), pid > 0 { pids.append(pid) }
        }
        return pids
    }

    /// A whole (small) file, read with plain system calls since `/proc` files report size 0.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            if bytes.count > 1 << 20 { break }
        }
        return bytes
    }
}
