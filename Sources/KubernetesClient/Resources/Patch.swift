/// A change to send with PATCH, in one of the API server's patch formats.
public enum Patch: Sendable, Hashable {
    /// RFC 7386 JSON merge patch (`application/merge-patch+json`): objects merge, lists are replaced, `null` deletes.
    case merge(KubernetesJSON)
    /// Strategic merge patch (`application/strategic-merge-patch+json`): lists merge by key; built-in kinds only.
    case strategicMerge(KubernetesJSON)
    /// RFC 6902 JSON patch (`application/json-patch+json`): a list of operations, applied in order.
    case json([JSONPatchOperation])
    /// Server-side apply (`application/apply-patch+yaml`, JSON being YAML): the whole intended object; the server
    /// merges it with fields other managers own. Needs `WriteOptions.fieldManager`.
    case apply(KubernetesJSON)

    /// The `Content-Type` the server reads the patch by.
    public var contentType: String {
        switch self {
        case .merge: "application/merge-patch+json"
        case .strategicMerge: "application/strategic-merge-patch+json"
        case .json: "application/json-patch+json"
        case .apply: "application/apply-patch+yaml"
        }
    }

    /// The patch document.
    public var document: KubernetesJSON {
        switch self {
        case .merge(let document), .strategicMerge(let document), .apply(let document): document
        case .json(let operations): .array(operations.map(\.document))
        }
    }
}

/// One RFC 6902 operation.
public struct JSONPatchOperation: Sendable, Hashable {
    /// `add`, `remove`, `replace`, `move`, `copy` or `test`.
    public var op: String
    /// The JSON pointer the operation applies to (`/spec/replicas`).
    public var path: String
    /// The value for `add`, `replace` and `test`.
    public var value: KubernetesJSON?
    /// The source pointer for `move` and `copy`.
    public var from: String?

    /// Adds `value` at `path` (appends to a list with `/-`).
    public static func add(_ path: String, _ value: KubernetesJSON) -> JSONPatchOperation {
        JSONPatchOperation(op: "add", path: path, value: value, from: nil)
    }
    /// Removes the value at `path`.
    public static func remove(_ path: String) -> JSONPatchOperation {
        JSONPatchOperation(op: "remove", path: path, value: nil, from: nil)
    }
    /// Replaces the value at `path`.
    public static func replace(_ path: String, _ value: KubernetesJSON) -> JSONPatchOperation {
        JSONPatchOperation(op: "replace", path: path, value: value, from: nil)
    }
    /// Fails the whole patch unless the value at `path` equals `value` (a precondition).
    public static func test(_ path: String, _ value: KubernetesJSON) -> JSONPatchOperation {
        JSONPatchOperation(op: "test", path: path, value: value, from: nil)
    }
    /// Moves the value at `from` to `path`.
    public static func move(from: String, to path: String) -> JSONPatchOperation {
        JSONPatchOperation(op: "move", path: path, value: nil, from: from)
    }
    /// Copies the value at `from` to `path`.
    public static func copy(from: String, to path: String) -> JSONPatchOperation {
        JSONPatchOperation(op: "copy", path: path, value: nil, from: from)
    }

    /// Escapes one key for use in a JSON pointer (`~` → `~0`, `/` → `~1`).
    public static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The operation as a JSON object.
    var document: KubernetesJSON {
        var object: [String: KubernetesJSON] = ["op": .string(op), "path": .string(path)]
        if let value { object["value"] = value }
        if let from { object["from"] = .string(from) }
        return .object(object)
    }
}
