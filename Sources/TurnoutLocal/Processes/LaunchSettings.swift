/// What a launch plan is built with besides the template: the image table, the inherited environment and local defaults.
public struct LaunchSettings: Sendable, Hashable {
    /// Names of the daemon's environment variables every replica inherits by default.
    public static let inheritedVariableNames = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR"]

    /// Image reference → argument-vector prefix, for containers without a command.
    public var images: ImageTable
    /// Variables every replica starts with, before the template's (not available to `$(VAR)`, as on Kubernetes).
    public var baseEnvironment: [String: String]
    /// Seconds between readiness probes when the probe gives no `periodSeconds` (Kubernetes uses 10; local processes start fast).
    public var defaultProbePeriodSeconds: Double
    /// Seconds between SIGTERM and SIGKILL when the template gives no `terminationGracePeriodSeconds`.
    public var defaultTerminationGracePeriodSeconds: Double
    /// How pods with several containers or `emptyDir` volumes run; `nil` runs only the main container.
    public var podLauncher: PodLauncherSettings?

    /// Creates settings.
    public init(images: ImageTable, baseEnvironment: [String: String], defaultProbePeriodSeconds: Double = 1, defaultTerminationGracePeriodSeconds: Double = 30, podLauncher: PodLauncherSettings? = nil) {
        self.images = images
        self.podLauncher = podLauncher
        self.baseEnvironment = baseEnvironment
        self.defaultProbePeriodSeconds = defaultProbePeriodSeconds
        self.defaultTerminationGracePeriodSeconds = defaultTerminationGracePeriodSeconds
    }

    /// The variables of `environment` (the daemon's, usually) that replicas inherit.
    public static func inherited(from environment: [String: String]) -> [String: String] {
        environment.filter { inheritedVariableNames.contains($0.key) }
    }
}

/// Where `turnout pod` comes from and where replicas keep their own directories (`emptyDir` volumes).
public struct PodLauncherSettings: Sendable, Hashable {
    /// The `turnout` binary, run as `turnout pod --spec JSON`.
    public var turnoutBinary: String
    /// The directory holding one directory per replica, named by its port.
    public var podsDirectory: String

    /// Creates settings.
    public init(turnoutBinary: String, podsDirectory: String) {
        self.turnoutBinary = turnoutBinary
        self.podsDirectory = podsDirectory
    }
}
