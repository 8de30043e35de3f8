import TurnoutCore

/// Reads which revision a Service routes to from its EndpointSlices, not from its selector: the data plane's
/// own record of the pods traffic may go to. Pure.
public enum ServiceTrafficReader {
    /// What a Service's endpoints say.
    public enum ServedRevision: Sendable, Hashable {
        /// Every ready endpoint is a pod of this revision (or there are none and the selector pins it).
        case revision(String)
        /// Ready endpoints of more than one revision, or of pods that are not any revision's: a switch in progress.
        case mixed
        /// No ready endpoint and no pinned revision.
        case nothing
    }

    /// The revision a Service routes to, given its slices' ready pod names (with unattributed ready endpoints
    /// counted), the hash of each known pod, the hash its selector pins, and whether that revision has ready
    /// pods (then an empty endpoint list means the endpoints controller has not caught up yet).
    public static func servedRevision(readyPods: [String], unattributedReadyEndpoints: Int, podHashes: [String: String], selectedHash: String?, selectedHasReadyPods: Bool) -> ServedRevision {
        guard unattributedReadyEndpoints == 0 else { return .mixed }
        var hashes = Set<String>()
        for pod in readyPods {
            guard let hash = podHashes[pod] else { return .mixed }
            hashes.insert(hash)
        }
        if hashes.count > 1 { return .mixed }
        if let hash = hashes.first {
            return .revision(hash)
        }
        guard let selectedHash else { return .nothing }
        return selectedHasReadyPods ? .mixed : .revision(selectedHash)
    }

    /// The revision a group of Services routes to: the one they all serve, `nil` when any is mixed, unpinned or
    /// they disagree.
    public static func agreed(_ served: [ServedRevision]) -> String? {
        var agreed: String?
        for revision in served {
            guard case .revision(let hash) = revision, agreed == nil || agreed == hash else { return nil }
            agreed = hash
        }
        return agreed
    }
}
