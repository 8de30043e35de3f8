import Foundation
import Logging
import Synchronization
import Testing
import TurnoutCore
import TurnoutLocal
import TurnoutRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The real clock, for supervisor tests with real processes.
struct ProcessTestClock: InstantClock {
    func now() -> Instant { Instant(secondsSinceEpoch: Date().timeIntervalSince1970) }
}

/// Builders for process-supervisor tests: templates, supervisors on temporary state directories, a Python
/// test program, polling with a deadline, and a check that no process is left behind.
enum ProcessFixture {
    /// Launch settings with a fake turnout binary and a minimal environment.
    static let settings = LaunchSettings(
        images: ImageTable.builtIn(turnoutBinary: "/opt/turnout/bin/turnout").merging(ImageTable(["myorg/api": ["/srv/api", "--serve"]])),
        baseEnvironment: ["PATH": "/usr/bin:/bin", "HOME": "/home/turnout"]
    )

    /// A pod template whose one container is the JSON `container`; `extra` adds containers, `volumes` (JSON) volumes.
    static func template(_ container: String, gracePeriod: Int? = nil, extra: [String] = [], volumes: String? = nil) -> PodTemplate {
        let grace = gracePeriod.map { "\"terminationGracePeriodSeconds\": \($0)," } ?? ""
        let volumeField = volumes.map { "\"volumes\": \($0)," } ?? ""
        let json = "{\"metadata\": {\"labels\": {\"app\": \"web\"}}, \"spec\": {\(grace) \(volumeField) \"containers\": [\(([container] + extra).joined(separator: ","))]}}"
        do {
            return try JSONDecoder().decode(PodTemplate.self, from: Data(json.utf8))
        } catch {
            Issue.record("template JSON does not decode: \(error)\n\(json)")
            return PodTemplate(spec: PodSpec(containers: []))
        }
    }

    /// JSON for an argument list.
    static func json(_ strings: [String]) -> String {
        String(decoding: try! JSONEncoder().encode(strings), as: UTF8.self)
    }

    /// A rollout named `name` (only its name and `minReadySeconds` matter to the supervisor).
    static func rollout(_ name: String = "web", minReadySeconds: Int? = nil) -> Rollout {
        var spec = RolloutSpec(replicas: 1)
        spec.minReadySeconds = minReadySeconds
        return Rollout(metadata: ObjectMeta(name: name), spec: spec)
    }

    /// A logger that prints nothing.
    static let logger = Logger(label: "turnout.test.processes") { _ in SwiftLogNoOpLogHandler() }

    /// The Python test program: `serve [stubborn]` (HTTP 200 on $PORT; `stubborn` ignores SIGTERM),
    /// `serve-then-exit SECONDS`, `chatty` (serves and prints lines fast), `note WORD` (appends `WORD $PORT` to $EVENTS).
    static let program = """
        import http.server, os, signal, sys, threading, time
        mode = sys.argv[1]
        def note(word):
            path = os.environ.get("EVENTS")
            if path:
                with open(path, "a") as f:
                    f.write("%s %s %.3f\\n" % (word, os.environ.get("PORT", ""), time.time()))
        if mode == "note":
            note(sys.argv[2])
            sys.exit(0)
        stubborn = len(sys.argv) > 2 and sys.argv[2] == "stubborn"
        def on_term(signum, frame):
            note("sigterm")
            if not stubborn:
                os._exit(0)
        signal.signal(signal.SIGTERM, on_term)
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(500 if self.path == "/fail" else 200)
                self.end_headers()
                self.wfile.write(b"ok\\n")
            def log_message(self, fmt, *args):
                print("request " + (fmt % args), flush=True)
        server = http.server.HTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
        note("start")
        print("listening on", os.environ["PORT"], flush=True)
        if mode == "serve-then-exit":
            threading.Timer(float(sys.argv[2]), lambda: os._exit(3)).start()
        if mode == "chatty":
            def chatter():
                n = 0
                while True:
                    n += 1
                    print("line %d %s" % (n, "x" * 60), flush=True)
                    time.sleep(0.002)
            threading.Thread(target=chatter, daemon=True).start()
        server.serve_forever()
        """

    /// A scratch directory with the test program in it, for one test.
    struct Scratch: Sendable {
        let directory: URL
        var stateDirectory: URL { directory.appendingPathComponent("state") }
        var programPath: String { directory.appendingPathComponent("fixture.py").path }
        var eventsPath: String { directory.appendingPathComponent("events.txt").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("turnout-procs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try ProcessFixture.program.write(toFile: directory.appendingPathComponent("fixture.py").path, atomically: true, encoding: .utf8)
        }

        /// A container running the test program in `mode`, with `$EVENTS` set and the given extra JSON fields.
        func container(_ arguments: [String], fields: String = "") -> String {
            let extra = fields.isEmpty ? "" : ", \(fields)"
            return """
                {"name": "app", "image": "fixture:1", "command": ["python3", "-u", "\(programPath)"], "args": \(ProcessFixture.json(arguments)),
                 "env": [{"name": "EVENTS", "value": "\(eventsPath)"}], "ports": [{"containerPort": 8080}]\(extra)}
                """
        }

        /// The lines of the events file: `[word, port, time]`.
        func events() -> [[String]] {
            let text = (try? String(contentsOfFile: eventsPath, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        }

        /// Appends an event from the test itself.
        func note(_ word: String, _ port: String) {
            let line = String(format: "%@ %@ %.3f\n", word, port, Date().timeIntervalSince1970)
            let handle = FileHandle(forWritingAtPath: eventsPath) ?? {
                _ = FileManager.default.createFile(atPath: eventsPath, contents: nil)
                return FileHandle(forWritingAtPath: eventsPath)!
            }()
            _ = try? handle.seekToEnd()
            handle.write(Data(line.utf8))
            try? handle.close()
        }
    }

    /// A configuration with short periods for tests.
    static func configuration(_ scratch: Scratch, logSizeLimit: Int = 10 << 20, drainTimeout: Double = 5) -> ProcessSupervisorConfiguration {
        var launch = settings
        launch.baseEnvironment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        launch.defaultProbePeriodSeconds = 0.2
        return ProcessSupervisorConfiguration(
            launch: launch,
            logs: ReplicaLogs(directory: scratch.stateDirectory.appendingPathComponent("logs"), sizeLimit: logSizeLimit, keptFiles: 2),
            backoff: CrashBackoff(initialSeconds: 0.4, maximumSeconds: 1.6),
            drainTimeoutSeconds: drainTimeout,
            pollIntervalSeconds: 0.05,
            logCheckIntervalSeconds: 0.1
        )
    }

    /// Runs `body` with a supervisor on a fresh store, then stops every replica, checks that no recorded process
    /// is left, and deletes the scratch directory.
    static func withSupervisor(
        logSizeLimit: Int = 10 << 20,
        drain: (@Sendable (_ address: String, _ supervisor: ProcessSupervisor, _ scratch: Scratch) async -> Void)? = nil,
        _ body: (ProcessSupervisor, LocalStore, Scratch) async throws -> Void
    ) async throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.directory) }
        let store = try LocalStore(directory: scratch.stateDirectory, clock: ProcessTestClock())
        let box = SupervisorBox()
        let hook: ProcessSupervisor.DrainHook = { address in
            if let drain, let supervisor = box.get() { await drain(address, supervisor, scratch) }
        }
        let supervisor = ProcessSupervisor(store: store, configuration: configuration(scratch, logSizeLimit: logSizeLimit), clock: ProcessTestClock(), logger: logger, drain: hook)
        box.set(supervisor)
        var failure: (any Error)?
        do {
            try await body(supervisor, store, scratch)
        } catch {
            failure = error
        }
        let pids = try store.replicas().compactMap(\.pid)
        await supervisor.stopAll()
        for pid in pids where isAlive(pid) {
            Issue.record("process \(pid) still runs after stopAll")
            kill(pid, SIGKILL)
        }
        if let failure { throw failure }
    }

    /// Whether a process exists and is not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let end = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: end)...].hasPrefix(" Z")
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
    static func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    /// The changes of `stream` up to and including the first that satisfies `isLast`, or those seen in `seconds`.
    static func collect(_ stream: AsyncStream<EndpointsChange>, within seconds: Double, until isLast: @escaping @Sendable (EndpointsChange) -> Bool) async -> [EndpointsChange] {
        let seen = Recorder<EndpointsChange>()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await change in stream {
                    seen.append(change)
                    if isLast(change) { return }
                }
            }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            await group.next()
            group.cancelAll()
        }
        return seen.all
    }

    /// A revision target.
    static func target(_ hash: String, number: Int = 1, _ template: PodTemplate, replicas: Int, restartAt: String? = nil) -> RevisionTarget {
        RevisionTarget(hash: hash, number: number, template: template, replicas: replicas, restartAt: restartAt)
    }
}

/// Holds a supervisor for a drain hook created before it.
final class SupervisorBox: Sendable {
    private let value = Mutex<ProcessSupervisor?>(nil)

    func set(_ supervisor: ProcessSupervisor) { value.withLock { $0 = supervisor } }
    func get() -> ProcessSupervisor? { value.withLock { $0 } }
}

/// Collects values from concurrent code.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}
