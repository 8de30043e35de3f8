import TurnoutCore

/// JSON Schemas of the API's request and response bodies, for `components.schemas`.
enum OpenAPISchemas {
    /// Every schema by name.
    static var all: [String: JSONValue] {
        [
            "ManifestFile": object(["file": string("The name messages use, e.g. rollout.yaml."), "manifest": string("YAML, one or more documents.")], required: ["file", "manifest"]),
            "ApplyRequest": object(["files": array(OpenAPIDocument.reference("ManifestFile"))], required: ["files"]),
            "AppliedObject": object(["kind": string("Rollout, Service..."), "name": string("The name."), "result": string("created, configured or unchanged.")], required: ["kind", "name", "result"]),
            "Diagnostic": object([
                "severity": string("error or warning."),
                "location": object(["file": string("File."), "line": integer("Line."), "column": integer("Column.")], required: ["file", "line", "column"]),
                "path": string("Field path, e.g. spec.strategy.canary.steps[0]."),
                "message": string("What is wrong."),
                "fix": string("How to fix it."),
            ], required: ["severity", "location", "path", "message"]),
            "ListenerView": object([
                "name": string("service/NAME or ingress."), "url": string("Where to send requests, e.g. http://127.0.0.1:8080."),
                "address": string("The URL's HOST:PORT, e.g. 127.0.0.1:8080."),
            ], required: ["name", "url", "address"]),
            "ApplyResponse": object([
                "outcomes": array(OpenAPIDocument.reference("AppliedObject")),
                "warnings": array(OpenAPIDocument.reference("Diagnostic")),
                "listeners": array(OpenAPIDocument.reference("ListenerView")),
            ], required: ["outcomes", "warnings", "listeners"]),
            "ErrorResponse": object([
                "error": string("What failed, naming the action and object."),
                "diagnostics": array(OpenAPIDocument.reference("Diagnostic")),
            ], required: ["error"]),
            "OperationRequest": object([
                "full": .object(["type": .string("boolean"), "description": .string("promote: skip all remaining steps and analysis.")]),
                "toRevision": integer("undo: the revision number to return to."),
                "container": string("set-image: the container."),
                "image": string("set-image: the image."),
            ], required: []),
            "RolloutSummary": object([
                "name": string("Name."), "strategy": string("blueGreen, canary, or rollingUpdate for a Deployment or ReplicaSet."), "phase": string("Healthy, Progressing, Paused or Degraded."),
                "message": string("Status message."), "step": integer("Steps done."), "stepCount": integer("Steps."),
                "replicas": integer("Desired replicas."), "available": integer("Available replicas."), "canaryWeight": integer("Percent to the new revision."),
            ], required: ["name", "strategy", "phase", "message", "replicas", "available", "canaryWeight"]),
            "ReplicaView": object([
                "kind": .object(["type": .string("string"), "enum": .array([.string("Process"), .string("Pod")]), "description": .string("A process on a single host or a pod on a cluster; absent means Process.")]),
                "index": integer("Index in the revision."), "name": string("The pod's name (pods only)."),
                "address": string("Where it accepts traffic: 127.0.0.1:PORT for a process, POD-IP:PORT for a pod with an address."),
                "pid": integer("Process id while a process runs."), "node": string("The node a pod is scheduled on (pods only)."),
                "isReady": .object(["type": .string("boolean")]), "isTerminating": .object(["type": .string("boolean")]), "restarts": integer("Restarts after crashes."),
            ], required: ["index", "isReady", "isTerminating", "restarts"]),
            "RevisionView": object([
                "number": integer("Revision number."), "hash": string("Pod-template hash."), "images": array(.object(["type": .string("string")])),
                "roles": array(.object(["type": .string("string")])), "replicas": integer("Desired."), "ready": integer("Ready."), "available": integer("Available."),
                "scaleDownAt": string("When it scales down (RFC 3339)."), "processes": array(OpenAPIDocument.reference("ReplicaView")),
            ], required: ["number", "hash", "images", "roles", "replicas", "ready", "available", "processes"]),
            "AnalysisRunView": object([
                "name": string("Run name."), "role": string("background, stepN, pre or post."),
                "run": .object(["type": .string("object"), "description": .string("The AnalysisRun (argoproj.io/v1alpha1 shape) with status.metricResults.")]),
            ], required: ["name", "role", "run"]),
            "RolloutView": object([
                "rollout": .object(["type": .string("object"), "description": .string("The Rollout (argoproj.io/v1alpha1 shape) with status.")]),
                "revisions": array(OpenAPIDocument.reference("RevisionView")),
                "traffic": .object(["type": .string("object"), "description": .string("What the proxy reports: stable, canary, canaryWeight, headerRoutes, mirrorRoutes.")]),
                "analysisRuns": array(OpenAPIDocument.reference("AnalysisRunView")),
                "listeners": array(OpenAPIDocument.reference("ListenerView")),
            ], required: ["rollout", "revisions", "analysisRuns", "listeners"]),
            "EventView": object([
                "time": string("RFC 3339."), "reason": string("Typed reason."), "message": string("What happened."), "isWarning": .object(["type": .string("boolean")]),
            ], required: ["time", "reason", "message", "isWarning"]),
            "LogsResponse": object(["lines": array(.object(["type": .string("string")]))], required: ["lines"]),
            "DeleteResponse": object(["kind": string("Kind."), "name": string("Name.")], required: ["kind", "name"]),
        ]
    }

    private static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    private static func string(_ description: String) -> JSONValue {
        .object(["type": .string("string"), "description": .string(description)])
    }

    private static func integer(_ description: String) -> JSONValue {
        .object(["type": .string("integer"), "description": .string(description)])
    }

    private static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": .string("array"), "items": items])
    }
}
