/// Finds the route for a host and path: the most specific host class with a matching prefix
/// (exact host, then the longest `*.domain` wildcard, then routes for any host), then the longest path prefix.
///
/// Generic over the payload so the same lookup serves pure tests and the per-loop route objects.
struct RouteLookup<Payload> {
    private struct Entry {
        let prefix: String
        let payload: Payload
    }

    private var exactHosts: [String: [Entry]] = [:]
    private var wildcardHosts: [(suffix: String, entries: [Entry])] = []
    private var anyHost: [Entry] = []
    /// The single route for every host and path, when the table is that simple (the fast path).
    private var onlyRoute: Payload?

    /// Builds the lookup; `hosts` empty or containing `*` means any host.
    init(_ items: [(hosts: [String], pathPrefix: String, payload: Payload)]) {
        var wildcards: [String: [Entry]] = [:]
        for item in items {
            let entry = Entry(prefix: item.pathPrefix, payload: item.payload)
            if item.hosts.isEmpty || item.hosts.contains("*") {
                anyHost.append(entry)
                continue
            }
            for host in item.hosts {
                let normalized = host.lowercased()
                if normalized.hasPrefix("*.") {
                    wildcards[String(normalized.dropFirst()), default: []].append(entry)
                } else {
                    exactHosts[normalized, default: []].append(entry)
                }
            }
        }
        let byLongestPrefix: (Entry, Entry) -> Bool = { $0.prefix.utf8.count > $1.prefix.utf8.count }
        exactHosts = exactHosts.mapValues { $0.sorted(by: byLongestPrefix) }
        wildcardHosts = wildcards.map { ($0.key, $0.value.sorted(by: byLongestPrefix)) }
            .sorted { $0.suffix.utf8.count > $1.suffix.utf8.count }
        anyHost.sort(by: byLongestPrefix)
        if exactHosts.isEmpty, wildcardHosts.isEmpty, anyHost.count == 1, anyHost[0].prefix == "/" {
            onlyRoute = anyHost[0].payload
        }
    }

    /// The payload for a request to `host` (already lowercase, without port) and `path` (without query).
    func find(host: Substring?, path: Substring) -> Payload? {
        if let onlyRoute { return onlyRoute }
        if let host, !host.isEmpty {
            if !exactHosts.isEmpty, let entries = exactHosts[String(host)], let hit = Self.first(entries, path: path) {
                return hit
            }
            for wildcard in wildcardHosts where host.utf8.count > wildcard.suffix.utf8.count && host.hasSuffix(wildcard.suffix) {
                if let hit = Self.first(wildcard.entries, path: path) { return hit }
            }
        }
        return Self.first(anyHost, path: path)
    }

    private static func first(_ entries: [Entry], path: Substring) -> Payload? {
        for entry in entries where PathPrefix.matches(entry.prefix, path: path) {
            return entry.payload
        }
        return nil
    }
}

/// Path prefix matching by segment: `/api` matches `/api` and `/api/v1`, not `/apix`; a prefix ending in `/` matches
/// everything below it.
enum PathPrefix {
    /// Whether `path` falls under `prefix`.
    static func matches(_ prefix: String, path: Substring) -> Bool {
        let prefixBytes = prefix.utf8
        if prefixBytes.count == 1 { return true }  // "/"
        guard path.utf8.starts(with: prefixBytes) else { return false }
        if prefixBytes.last == UInt8(ascii: "/") { return true }
        let rest = path.utf8.dropFirst(prefixBytes.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }
}
