#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs one replica's containers as `turnout pod` does: makes the replica's directory and `emptyDir` volumes, runs
/// the init containers one by one, then the sidecars and the main container in this process's group, and ends
/// the pod when the main container ends or a sidecar fails. Blocks; the supervisor signals the whole group.
public enum PodLauncher {
    /// Seconds the other containers get after SIGTERM, once the pod is ending, before SIGKILL.
    static let stopGraceSeconds = 10.0

    /// Runs the pod and returns the status to exit with: the main container's, or the failing container's.
    public static func run(_ spec: PodLaunchSpec, report: (String) -> Void) -> Int32 {
        // The supervisor stops a replica by signalling its group, which reaches every container directly; the
        // launcher stays to reap them and remove the directory.
        for stopSignal in [SIGTERM, SIGINT, SIGHUP] { signal(stopSignal, SIG_IGN) }
        // Only the replica's volumes are ever removed: `directory/volumes` (left over by a killed launcher, and at
        // the end), then `directory` itself when nothing else is in it.
        let volumesDirectory = spec.directory + "/volumes"
        guard !spec.directory.isEmpty, spec.volumes.allSatisfy({ $0.hasPrefix(volumesDirectory + "/") && !$0.contains("/../") }) else {
            report("pod: every volume must be inside \(volumesDirectory)")
            return 1
        }
        let files = FileManager.default
        defer {
            try? files.removeItem(atPath: volumesDirectory)
            rmdir(spec.directory)
        }
        do {
            try? files.removeItem(atPath: volumesDirectory)
            try files.createDirectory(atPath: spec.directory, withIntermediateDirectories: true)
            for volume in spec.volumes { try files.createDirectory(atPath: volume, withIntermediateDirectories: true) }
        } catch {
            report("pod: cannot create \(spec.directory): \(error.localizedDescription)")
            return 1
        }
        for container in spec.initContainers {
            guard let pid = start(container, report: report) else { return 1 }
            let status = waitFor(pid)
            guard status == 0 else {
                report("pod: init container \(container.name) exited with status \(status)")
                return status
            }
        }
        var running: [pid_t: String] = [:]
        for sidecar in spec.sidecars {
            guard let pid = start(sidecar, report: report) else { return stopAll(running, status: 1) }
            running[pid] = sidecar.name
        }
        guard let mainPID = start(spec.main, report: report) else { return stopAll(running, status: 1) }
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, 0)
            if pid < 0 {
                if errno == EINTR { continue }
                return 1
            }
            let code = ProcessHandle.Exit(waitStatus: status).shellStatus
            if pid == mainPID { return stopAll(running, status: code) }
            guard let name = running.removeValue(forKey: pid) else { continue }
            if code != 0 {
                report("pod: container \(name) exited with status \(code); stopping the pod")
                kill(mainPID, SIGTERM)
                running[mainPID] = spec.main.name
                return stopAll(running, status: code)
            }
        }
    }

    /// Starts one container in this process's group with this process's output; `nil` (reported) when it cannot.
    private static func start(_ container: PodLaunchSpec.Process, report: (String) -> Void) -> pid_t? {
        do {
            return try ProcessSpawner.spawn(arguments: container.arguments, environment: container.environment, workingDirectory: container.workingDirectory, output: .inherit, newSession: false)
        } catch {
            report("pod: container \(container.name) cannot start: \(error)")
            return nil
        }
    }

    /// Stops the given processes (SIGTERM, SIGKILL after the grace period), reaps them and returns `status`.
    private static func stopAll(_ running: [pid_t: String], status: Int32) -> Int32 {
        var left = Set(running.keys)
        for pid in left { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(stopGraceSeconds)
        while !left.isEmpty {
            for pid in left {
                var ignored: Int32 = 0
                let result = waitpid(pid, &ignored, WNOHANG)
                if result == pid || (result < 0 && errno == ECHILD) { left.remove(pid) }
            }
            if Date() > deadline {
                for pid in left { kill(pid, SIGKILL) }
            }
            if !left.isEmpty { usleep(20_000) }
        }
        return status
    }

    /// Waits for one process and returns its exit code.
    private static func waitFor(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 1 }
        }
        return ProcessHandle.Exit(waitStatus: status).shellStatus
    }
}
