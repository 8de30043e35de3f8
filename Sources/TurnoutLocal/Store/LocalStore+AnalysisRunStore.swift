import Foundation
import TurnoutCore
import TurnoutRuntime

extension LocalStore: AnalysisRunStore {
    /// The runs of the rollout with a key, oldest first; none for a key in another namespace.
    public func analysisRuns(ofRollout rollout: RolloutKey) throws -> [AnalysisRunRecord] {
        guard holds(rollout) else { return [] }
        return try analysisRuns(ofRollout: rollout.name)
    }

    /// The run with a key; `nil` when there is none or the key names another namespace.
    public func analysisRun(_ key: ObjectKey) throws -> AnalysisRunRecord? {
        guard holds(key) else { return nil }
        return try analysisRun(named: key.name)
    }

    /// Replaces the status of the run with a key; `analysisRunNotFound` when there is none.
    public func updateAnalysisRunStatus(_ status: AnalysisRunStatus, of key: ObjectKey) throws {
        guard holds(key) else { throw LocalStoreError.analysisRunNotFound(action: "update status of", run: key.description) }
        try updateAnalysisRunStatus(status, ofRun: key.name)
    }

    /// Marks the run with a key terminated; `false` when there is none.
    @discardableResult
    public func terminateAnalysisRun(_ key: ObjectKey) throws -> Bool {
        guard holds(key) else { return false }
        return try terminateAnalysisRun(named: key.name)
    }

    /// The named stored Secrets' values by name and key: `data` decoded from base64, then `stringData` over it.
    public func secrets(named names: Set<String>, in namespace: String) throws -> [String: [String: String]] {
        guard namespace == self.namespace else { return [:] }
        var secrets: [String: [String: String]] = [:]
        for object in try objects(kind: "Secret") {
            guard case .other(let secret) = object, names.contains(secret.name), case .object(let document) = secret.document else { continue }
            var values: [String: String] = [:]
            if case .object(let data)? = document["data"] {
                for (key, value) in data {
                    if case .string(let encoded) = value, let decoded = Data(base64Encoded: encoded), let text = String(data: decoded, encoding: .utf8) {
                        values[key] = text
                    }
                }
            }
            if case .object(let stringData)? = document["stringData"] {
                for (key, value) in stringData {
                    if case .string(let text) = value { values[key] = text }
                }
            }
            secrets[secret.name] = values
        }
        return secrets
    }
}
