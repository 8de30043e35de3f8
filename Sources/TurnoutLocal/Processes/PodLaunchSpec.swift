import Foundation

/// What `turnout pod` runs for a replica of a pod with several containers or `emptyDir` volumes: its directories,
/// its init containers in order, then its sidecars and its main container side by side.
public struct PodLaunchSpec: Sendable, Hashable, Codable {
    /// One container's process.
    public struct Process: Sendable, Hashable, Codable {
        /// The container's name.
        public var name: String
        /// The argument vector (never a shell string).
        public var arguments: [String]
        /// The whole environment.
        public var environment: [String: String]
        /// The directory it starts in; `nil` for the pod's.
        public var workingDirectory: String?

        /// Creates a process description.
        public init(name: String, arguments: [String], environment: [String: String], workingDirectory: String?) {
            self.name = name
            self.arguments = arguments
            self.environment = environment
            self.workingDirectory = workingDirectory
        }
    }

    /// The replica's own directory: its `volumes` subdirectory is emptied when it starts and removed when it ends.
    public var directory: String
    /// The `emptyDir` volume directories, each inside `directory/volumes`.
    public var volumes: [String]
    /// Containers run one after the other before the others start; each must exit 0.
    public var initContainers: [Process]
    /// Containers run beside the main one.
    public var sidecars: [Process]
    /// The container that serves the replica's port; the pod ends when it does.
    public var main: Process

    /// Creates a spec.
    public init(directory: String, volumes: [String], initContainers: [Process], sidecars: [Process], main: Process) {
        self.directory = directory
        self.volumes = volumes
        self.initContainers = initContainers
        self.sidecars = sidecars
        self.main = main
    }

    /// The spec as one JSON argument, with sorted keys so the same pod always has the same command line.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a spec written by `encoded()`.
    public static func decode(_ text: String) throws -> PodLaunchSpec {
        try JSONDecoder().decode(PodLaunchSpec.self, from: Data(text.utf8))
    }
}
