import TurnoutCore

/// `POST /api/v1/apply`: manifest text to create or update.
public struct ApplyRequest: Sendable, Codable {
    /// The YAML (one or more documents).
    public var manifest: String
    /// The file name to use in messages.
    public var file: String

    /// Creates a request.
    public init(manifest: String, file: String) {
        self.manifest = manifest
        self.file = file
    }
}

/// The answer to an apply: what changed, warnings, and where services listen.
public struct ApplyResponse: Sendable, Codable {
    /// One line per object, e.g. `Rollout/demo created`.
    public var outcomes: [AppliedObject]
    /// Lint warnings (errors reject the apply instead).
    public var warnings: [Diagnostic]
    /// The address each Service listens on.
    public var listeners: [ListenerView]

    /// Creates a response.
    public init(outcomes: [AppliedObject], warnings: [Diagnostic], listeners: [ListenerView]) {
        self.outcomes = outcomes
        self.warnings = warnings
        self.listeners = listeners
    }
}

/// One object an apply created, configured or left unchanged.
public struct AppliedObject: Sendable, Codable, Hashable {
    /// The kind.
    public var kind: String
    /// The name.
    public var name: String
    /// `created`, `configured` or `unchanged`.
    public var result: String

    /// Creates an entry.
    public init(kind: String, name: String, result: String) {
        self.kind = kind
        self.name = name
        self.result = result
    }
}

/// Where a Service or the ingress listener accepts traffic.
public struct ListenerView: Sendable, Codable, Hashable {
    /// `service/NAME` or `ingress`.
    public var name: String
    /// `127.0.0.1:PORT`.
    public var address: String

    /// Creates a listener view.
    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

/// An error answer: a sentence, and lint diagnostics when a manifest was rejected.
public struct ErrorResponse: Sendable, Codable {
    /// What failed, naming the action and object.
    public var error: String
    /// The manifest's problems, when there are any.
    public var diagnostics: [Diagnostic]?

    /// Creates an error answer.
    public init(error: String, diagnostics: [Diagnostic]? = nil) {
        self.error = error
        self.diagnostics = diagnostics
    }
}

/// `POST /api/v1/rollouts/{name}/{operation}` body.
public struct OperationRequest: Sendable, Codable {
    /// `promote --full`.
    public var full: Bool?
    /// `undo --to-revision`.
    public var toRevision: Int?
    /// `set image` container.
    public var container: String?
    /// `set image` image.
    public var image: String?

    /// Creates a body.
    public init(full: Bool? = nil, toRevision: Int? = nil, container: String? = nil, image: String? = nil) {
        self.full = full
        self.toRevision = toRevision
        self.container = container
        self.image = image
    }
}

/// One row of `turnout list`.
public struct RolloutSummary: Sendable, Codable, Hashable {
    /// The rollout's name.
    public var name: String
    /// `blueGreen` or `canary`.
    public var strategy: String
    /// Healthy, Progressing, Paused or Degraded.
    public var phase: String
    /// The status message.
    public var message: String
    /// Steps done, for canaries with steps.
    public var step: Int?
    /// The number of steps.
    public var stepCount: Int?
    /// Desired replicas.
    public var replicas: Int
    /// Available replicas of all revisions.
    public var available: Int
    /// Percent of traffic the new revision gets.
    public var canaryWeight: Int

    /// Creates a summary.
    public init(name: String, strategy: String, phase: String, message: String, step: Int?, stepCount: Int?, replicas: Int, available: Int, canaryWeight: Int) {
        self.name = name
        self.strategy = strategy
        self.phase = phase
        self.message = message
        self.step = step
        self.stepCount = stepCount
        self.replicas = replicas
        self.available = available
        self.canaryWeight = canaryWeight
    }
}

/// Everything `turnout get rollout NAME` shows.
public struct RolloutView: Sendable, Codable {
    /// The rollout with its status.
    public var rollout: Rollout
    /// Its revisions, newest first.
    public var revisions: [RevisionView]
    /// The traffic the data plane reports.
    public var traffic: TrafficState?
    /// Its analysis runs, newest first.
    public var analysisRuns: [AnalysisRunView]
    /// Where its services listen.
    public var listeners: [ListenerView]

    /// Creates a view.
    public init(rollout: Rollout, revisions: [RevisionView], traffic: TrafficState?, analysisRuns: [AnalysisRunView], listeners: [ListenerView]) {
        self.rollout = rollout
        self.revisions = revisions
        self.traffic = traffic
        self.analysisRuns = analysisRuns
        self.listeners = listeners
    }
}

/// One revision with its replicas.
public struct RevisionView: Sendable, Codable, Hashable {
    /// The revision number.
    public var number: Int
    /// The pod-template hash.
    public var hash: String
    /// The images of its containers.
    public var images: [String]
    /// `stable`, `canary`, `preview`, `active` or empty.
    public var roles: [String]
    /// Desired replicas.
    public var replicas: Int
    /// Ready replicas.
    public var ready: Int
    /// Available replicas.
    public var available: Int
    /// When it scales down, if a delay runs (RFC 3339).
    public var scaleDownAt: String?
    /// Its replicas.
    public var processes: [ReplicaView]

    /// Creates a revision view.
    public init(number: Int, hash: String, images: [String], roles: [String], replicas: Int, ready: Int, available: Int, scaleDownAt: String?, processes: [ReplicaView]) {
        self.number = number
        self.hash = hash
        self.images = images
        self.roles = roles
        self.replicas = replicas
        self.ready = ready
        self.available = available
        self.scaleDownAt = scaleDownAt
        self.processes = processes
    }
}

/// One replica (a process).
public struct ReplicaView: Sendable, Codable, Hashable {
    /// Its index in the revision.
    public var index: Int
    /// `127.0.0.1:PORT`.
    public var address: String
    /// Its process id, while running.
    public var pid: Int32?
    /// Whether it passes readiness.
    public var isReady: Bool
    /// Whether it is draining before stopping.
    public var isTerminating: Bool
    /// How often it was restarted after crashing.
    public var restarts: Int

    /// Creates a replica view.
    public init(index: Int, address: String, pid: Int32?, isReady: Bool, isTerminating: Bool, restarts: Int) {
        self.index = index
        self.address = address
        self.pid = pid
        self.isReady = isReady
        self.isTerminating = isTerminating
        self.restarts = restarts
    }
}

/// An analysis run with its metrics' latest measurements.
public struct AnalysisRunView: Sendable, Codable {
    /// The run's name.
    public var name: String
    /// What it is for (`background`, `step2`, `pre`, `post`).
    public var role: String
    /// The run with its status.
    public var run: AnalysisRun

    /// Creates a run view.
    public init(name: String, role: String, run: AnalysisRun) {
        self.name = name
        self.role = role
        self.run = run
    }
}

/// One event.
public struct EventView: Sendable, Codable, Hashable {
    /// When (RFC 3339).
    public var time: String
    /// The typed reason.
    public var reason: String
    /// What happened.
    public var message: String
    /// Whether it needs attention.
    public var isWarning: Bool

    /// Creates an event view.
    public init(time: String, reason: String, message: String, isWarning: Bool) {
        self.time = time
        self.reason = reason
        self.message = message
        self.isWarning = isWarning
    }
}

/// Log lines of a rollout's replicas.
public struct LogsResponse: Sendable, Codable {
    /// The lines, oldest first, each prefixed with its replica.
    public var lines: [String]

    /// Creates a response.
    public init(lines: [String]) {
        self.lines = lines
    }
}
