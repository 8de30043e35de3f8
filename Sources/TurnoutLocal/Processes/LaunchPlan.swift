import TurnoutCore

/// How to start one replica as a local process: its argument vector, environment, working directory and port,
/// how to tell it is ready, and how to stop it. Built by a pure function from the pod template.
public struct LaunchPlan: Sendable, Hashable {
    /// The variable holding the replica's loopback port.
    public static let portVariable = "PORT"
    /// The same port under Turnout's own name.
    public static let turnoutPortVariable = "TURNOUT_PORT"

    /// The name of the container the process runs.
    public var containerName: String
    /// The argument vector; the first element is the program (a path, or a name looked up in `PATH`). Never a shell string.
    public var arguments: [String]
    /// The whole environment of the process.
    public var environment: [String: String]
    /// The directory the process starts in; `nil` for the daemon's.
    public var workingDirectory: String?
    /// The loopback port the process is to listen on (also in `PORT` and `TURNOUT_PORT`).
    public var port: Int
    /// How readiness is probed.
    public var readiness: ReadinessCheck
    /// What runs before SIGTERM, if anything.
    public var preStop: StopHook?
    /// Seconds from the start of `preStop` to SIGKILL.
    public var terminationGracePeriodSeconds: Double
    /// Other containers of the template, which the single-host runtime does not run.
    public var ignoredContainers: [String]
    /// Every container of the pod when `arguments` runs them through `turnout pod`; `nil` for a single process.
    public var pod: PodLaunchSpec?

    /// Creates a plan.
    public init(containerName: String, arguments: [String], environment: [String: String], workingDirectory: String? = nil, port: Int, readiness: ReadinessCheck, preStop: StopHook? = nil, terminationGracePeriodSeconds: Double = 30, ignoredContainers: [String] = []) {
        self.containerName = containerName
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.port = port
        self.readiness = readiness
        self.preStop = preStop
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.ignoredContainers = ignoredContainers
    }

    /// The directory the replica's process starts in: the pod's launcher starts where the daemon is, as the
    /// main container's directory may be a volume the launcher has yet to create.
    public var spawnWorkingDirectory: String? { pod == nil ? workingDirectory : nil }

    /// The address the replica serves on.
    public var address: String { "127.0.0.1:\(port)" }

    /// The plan for a replica of `template` on `port`. Pure.
    ///
    /// The main container is the first that declares a port (else the first container). Its argument vector is
    /// its `command` + `args`, or, without a command, the image table's prefix for the image + `args`, all with
    /// `$(VAR)` expanded from the container's environment. The environment is `settings.baseEnvironment`, then
    /// `PORT` and `TURNOUT_PORT` (= `port`; the template cannot override them), then the template's variables in
    /// order, each value expanded from the ones before it. Where the template's command, arguments or variable
    /// values name the main container's (first) `containerPort` as a number, it becomes `port`.
    ///
    /// When the template has other containers that can run (a command, or an image in the table), init
    /// containers, or mounted `emptyDir` volumes, and `settings.podLauncher` is set, the replica's process is
    /// `turnout pod` running all of them (see `PodLaunchSpec`), with volume mount paths rewritten (see
    /// `PodVolumes`); containers that cannot run are listed in `ignoredContainers`.
    public static func build(template: PodTemplate, port: Int, settings: LaunchSettings) throws(ProcessSupervisorError) -> LaunchPlan {
        let containers = template.spec.containers
        guard let container = containers.first(where: { !($0.ports ?? []).isEmpty }) ?? containers.first else {
            throw .noContainers
        }
        let podDirectory = settings.podLauncher.map { "\($0.podsDirectory)/\(port)" } ?? ""
        let volumes = settings.podLauncher == nil ? PodVolumes.none : PodVolumes(spec: template.spec, podDirectory: podDirectory)
        let containerPort = container.ports?.first?.containerPort
        let main = try process(for: container, port: port, containerPort: containerPort, volumes: volumes, settings: settings)
        var plan = LaunchPlan(
            containerName: container.name,
            arguments: main.arguments,
            environment: main.environment,
            workingDirectory: main.workingDirectory,
            port: port,
            readiness: try ReadinessCheck.resolve(container.readinessProbe, container: container.name, defaultPeriodSeconds: settings.defaultProbePeriodSeconds),
            preStop: try StopHook.resolve(container.lifecycle?.preStop, container: container.name),
            terminationGracePeriodSeconds: template.spec.terminationGracePeriodSeconds.map { Double(max(0, $0)) } ?? settings.defaultTerminationGracePeriodSeconds,
            ignoredContainers: containers.map(\.name).filter { $0 != container.name }
        )
        guard let launcher = settings.podLauncher else { return plan }
        var ignored: [String] = []
        /// The processes of the containers that can run; the names of the others go to `ignored`.
        func runnable(_ containers: [Container]) -> [PodLaunchSpec.Process] {
            containers.compactMap { other in
                guard let process = try? process(for: other, port: port, containerPort: containerPort, volumes: volumes, settings: settings) else {
                    ignored.append(other.name)
                    return nil
                }
                return process
            }
        }
        let sidecars = runnable(containers.filter { $0.name != container.name })
        let initContainers = runnable(template.spec.initContainers ?? [])
        guard !sidecars.isEmpty || !initContainers.isEmpty || !volumes.emptyDirectories.isEmpty else { return plan }
        let spec = PodLaunchSpec(directory: podDirectory, volumes: volumes.emptyDirectories, initContainers: initContainers, sidecars: sidecars, main: main)
        do {
            plan.arguments = [launcher.turnoutBinary, "pod", "--spec", try spec.encoded()]
        } catch {
            throw .spawnFailed(program: launcher.turnoutBinary, reason: "the pod of \(container.name) cannot be described: \(error)")
        }
        plan.pod = spec
        plan.ignoredContainers = ignored
        return plan
    }

    /// One container's process: argument vector, environment and working directory, with volume paths rewritten.
    static func process(for container: Container, port: Int, containerPort: Int?, volumes: PodVolumes, settings: LaunchSettings) throws(ProcessSupervisorError) -> PodLaunchSpec.Process {
        let ported = { (text: String) in containerPort.map { replacingPort($0, with: port, in: text) } ?? text }
        var variables = [portVariable: String(port), turnoutPortVariable: String(port)]
        if let image = container.image {
            let reference = ImageReference(image)
            variables[ImageReference.imageVariable] = image
            variables[ImageReference.tagVariable] = reference.effectiveTag
        }
        for variable in container.env ?? [] where !isReserved(variable.name) {
            guard variable.valueFrom == nil else {
                throw .unsupportedEnvironmentSource(container: container.name, variable: variable.name)
            }
            variables[variable.name] = ported(VariableExpansion.expand(variable.value ?? "", variables: variables))
        }
        let mounts = volumes.mounts(of: container)
        let expandPrefix = { (text: String) in PodVolumes.rewrite(VariableExpansion.expand(text, variables: variables), mounts: mounts) }
        let expand = { (text: String) in PodVolumes.rewrite(ported(VariableExpansion.expand(text, variables: variables)), mounts: mounts) }
        let program: [String]
        if let command = container.command, !command.isEmpty {
            program = command.map(expand)
        } else if let image = container.image {
            guard let prefix = settings.images.prefix(for: image), !prefix.isEmpty else {
                throw .unknownImage(container: container.name, image: image)
            }
            program = prefix.map(expandPrefix)
        } else {
            throw .noCommand(container: container.name)
        }
        return PodLaunchSpec.Process(
            name: container.name,
            arguments: program + (container.args ?? []).map(expand),
            environment: settings.baseEnvironment.merging(variables.mapValues { PodVolumes.rewrite($0, mounts: mounts) }) { _, template in template },
            workingDirectory: container.workingDir.flatMap { $0.isEmpty ? nil : PodVolumes.rewrite($0, mounts: mounts) }
        )
    }

    /// `text` with every whole number equal to `containerPort` (not part of a longer run of digits) replaced by
    /// `port`: `8080`, `--port=8080` and `0.0.0.0:8080` name the replica's port; `18080` and `80801` do not.
    public static func replacingPort(_ containerPort: Int, with port: Int, in text: String) -> String {
        let target = Array(String(containerPort).utf8)
        let bytes = Array(text.utf8)
        guard containerPort != port, bytes.count >= target.count else { return text }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let end = index + target.count
            if end <= bytes.count, Array(bytes[index..<end]) == target, index == 0 || !isDigit(bytes[index - 1]), end == bytes.count || !isDigit(bytes[end]) {
                output.append(contentsOf: String(port).utf8)
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the runtime sets a variable itself, so a template cannot change it.
    private static func isReserved(_ name: String) -> Bool {
        name == portVariable || name == turnoutPortVariable
    }
}
