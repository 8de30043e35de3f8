#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running replica process, started by this daemon or adopted from an earlier one: liveness and signals.
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

    /// How the process ended, or `nil` while it runs. Reaps it when it is this process's child; otherwise polls
    /// with `kill(pid, 0)` and counts a zombie as ended.
    func exit() -> Exit? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { return Exit(waitStatus: status) }
        if result == 0 { return nil }
        if errno == EINTR { return nil }
        if kill(pid, 0) == 0 || errno == EPERM {
            return ProcessIdentity.isZombie(pid) ? .vanished : nil
        }
        return .vanished
    }

    /// Sends `signal` to the process's group when it leads one (as replicas started in their own session do), else to the process.
    func send(_ signal: Int32) {
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
