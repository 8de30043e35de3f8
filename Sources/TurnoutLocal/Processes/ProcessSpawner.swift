#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts programs from argument vectors with `posix_spawn`: never through a shell, stdin from `/dev/null`,
/// stdout and stderr appended to a file (or discarded), signals reset to their defaults, no inherited
/// descriptors, in a new session (so the process outlives the daemon and a signal can reach its whole group).
enum ProcessSpawner {
    /// Where a process's stdout and stderr go.
    enum Output: Sendable, Hashable {
        /// Appended to the file at a path (created when missing).
        case file(String)
        /// Discarded.
        case discard
        /// The spawning process's own stdout and stderr.
        case inherit
    }

    /// The search path used when the environment has no `PATH`.
    static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// Starts `arguments` (the first is the program) and returns its pid; `newSession: false` keeps it in the
    /// caller's session and process group.
    static func spawn(arguments: [String], environment: [String: String], workingDirectory: String?, output: Output, newSession: Bool = true) throws(ProcessSupervisorError) -> pid_t {
        guard let name = arguments.first, !name.isEmpty else {
            throw .spawnFailed(program: "", reason: "the command is empty")
        }
        let program = try resolve(name, searchPath: environment["PATH"] ?? defaultSearchPath)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch output {
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        case .discard:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        case .inherit:
            break
        }
        if let closeFrom = GNUSpawnExtensions.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }
        if let directory = workingDirectory {
            guard let changeDirectory = GNUSpawnExtensions.addChangeDirectory else {
                throw .spawnFailed(program: program, reason: "this system cannot start a process in working directory \(directory)")
            }
            _ = changeDirectory(&actions, directory)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | (newSession ? GNUSpawnExtensions.newSessionFlag : 0))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else {
            let place = workingDirectory.map { " in \($0)" } ?? ""
            throw .spawnFailed(program: program, reason: String(cString: strerror(result)) + place)
        }
        return pid
    }

    /// The path of `name`: itself when it contains a slash, else the first executable file named so in `searchPath`.
    static func resolve(_ name: String, searchPath: String) throws(ProcessSupervisorError) -> String {
        if name.contains("/") { return name }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            var info = stat()
            if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                return candidate
            }
        }
        throw .commandNotFound(program: name, searchPath: searchPath)
    }
}
