/// Errors of the process supervisor; each message names the failed action or the object at fault, and the fix.
public indirect enum ProcessSupervisorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pod template has no containers.
    case noContainers
    /// A container has neither an image nor a command.
    case noCommand(container: String)
    /// A container has no command and its image is not in the image table.
    case unknownImage(container: String, image: String)
    /// An environment variable takes its value from a secret, config map or field.
    case unsupportedEnvironmentSource(container: String, variable: String)
    /// A probe or hook uses a feature the single-host runtime cannot run.
    case unsupportedProbe(container: String, field: String, reason: String)
    /// The program of a command is not on the search path.
    case commandNotFound(program: String, searchPath: String)
    /// The operating system refused to start a program.
    case spawnFailed(program: String, reason: String)
    /// No free loopback port could be found.
    case portUnavailable(reason: String)
    /// A replica's log could not be written or read.
    case logs(action: String, path: String, reason: String)
    /// An action on a rollout's replicas failed because of `underlying`.
    case failed(action: String, underlying: ProcessSupervisorError)

    /// A one-line message naming the failed action or object, and how to fix it.
    public var description: String {
        switch self {
        case .noContainers:
            return "the pod template has no containers; add one under spec.template.spec.containers"
        case .noCommand(let container):
            return "container \(container): no image and no command; give the container a command"
        case .unknownImage(let container, let image):
            return "container \(container): image \(image) has no command and is not in the image table; "
                + "add it to images: in the runtime config or give the container a command"
        case .unsupportedEnvironmentSource(let container, let variable):
            return "container \(container): env \(variable) uses valueFrom, which the single-host runtime cannot resolve; give it a literal value"
        case .unsupportedProbe(let container, let field, let reason):
            return "container \(container): \(field): \(reason)"
        case .commandNotFound(let program, let searchPath):
            return "start program \(program): not found in PATH \(searchPath); install it or give its full path in command"
        case .spawnFailed(let program, let reason):
            return "start program \(program): \(reason)"
        case .portUnavailable(let reason):
            return "choose a free loopback port: \(reason)"
        case .logs(let action, let path, let reason):
            return "\(action) \(path): \(reason)"
        case .failed(let action, let underlying):
            return "\(action): \(underlying)"
        }
    }
}
