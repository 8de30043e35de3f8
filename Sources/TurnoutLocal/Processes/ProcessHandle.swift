#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running replica process, started by this daemon or adopted from an earlier one: liveness and signals.
///
/// A process this daemon started is its child: `exit()` reaps it with `waitpid`, so it never stays a zombie. An
/// adopted process is not: its parent is whatever the system re-parented it to when the daemon that started it
/// died (init or the nearest subreaper), which alone can reap it; `exit()` polls it instead (gone, a zombie, or
/// its pid now names a process that started at another tick) and signals reach only the process adopted.
struct ProcessHandle: Sendable, Hashable {
    /// How a process ended.
    enum Exit: Sendable, Hashable, CustomStringConvertible {
        /// It exited with a status code.
        case exited(Int32)
        /// A signal killed it.
        case signaled(Int32)
        /// It is gone, and its status went to its parent (an adopted process, not this daemon's child).
        case vanished

        /// For logs: `exit status 1`, `killed by signal 9`, `exited (status unknown)`.
        var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signaled(let signal): return "killed by signal \(signal)"
            case .vanished: return "exited (status unknown: not a child of this daemon)"
            }
        }

        /// Whether it ended cleanly (exit status 0).
        var isSuccess: Bool { self == .exited(0) }

        /// How a process ended, from the status `waitpid` reported.
        init(waitStatus status: Int32) {
            let signal = status & 0x7F
            self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        }

        /// The status a shell reports: the exit code, 128 + the signal, or 1 when unknown.
        var shellStatus: Int32 {
            switch self {
            case .exited(let code): return code
            case .signaled(let signal): return 128 + signal
            case .vanished: return 1
            }
        }
    }

    /// The process id.
    let pid: pid_t
    /// For an adopted process, when it started (clock ticks after boot), so a later process with the same pid is
    /// not taken for it; `nil` for a child, whose pid cannot be reused before it is reaped.
    let startTicks: UInt64?

    /// A handle on a child of this process.
    init(pid: pid_t) {
        self.pid = pid
        startTicks = nil
    }

    /// A handle on a process this daemon did not start, identified by its pid and start time.
    init(adopting pid: pid_t) {
        self.pid = pid
        startTicks = ProcessIdentity.startTicks(of: pid)
    }

    /// How the process ended, or `nil` while it runs. Reaps it when it is this process's child; otherwise polls
    /// with `kill(pid, 0)` and counts a zombie, or a process that started at another tick, as ended.
    func exit() -> Exit? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { return Exit(waitStatus: status) }
        if result == 0 { return nil }
        if errno == EINTR { return nil }
        if kill(pid, 0) == 0 || errno == EPERM {
            return ProcessIdentity.isZombie(pid) || !isSameProcess ? .vanished : nil
        }
        return .vanished
    }

    /// Whether the pid still names this process (always, for a child).
    private var isSameProcess: Bool {
        guard let startTicks else { return true }
        return ProcessIdentity.startTicks(of: pid) == startTicks
    }

    /// Sends `signal` to the process's group when it leads one (as replicas started in their own session do), else
    /// to the process; nothing when an adopted pid now names another process.
    func send(_ signal: Int32) {
        guard isSameProcess else { return }
        if getpgid(pid) == pid {
            kill(-pid, signal)
        } else {
            kill(pid, signal)
        }
    }

    /// Kills whatever is left of the process's group after the process itself ended (children it left behind).
    func killLeftovers() {
        kill(-pid, SIGKILL)
    }
}
