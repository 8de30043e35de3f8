import Yams

extension NodeDecoder {
    /// What is known about decoding one node occurrence: the mapping view keyed containers
    /// share, failed single-value attempts, and nodes decoded through nested containers or
    /// super decoders, whose unknown fields are checked together with this one's.
    final class NodeState {
        var frame: MappingFrame?
        var failedAttempts: [Range<Int>] = []
        var children: [NodeState] = []

        /// The mapping view of `node`, made on first use.
        func frame(for node: Node, path: FieldPath, session: Session) throws -> MappingFrame {
            if let frame { return frame }
            guard case .mapping(let mapping) = node else {
                throw session.fail(.mapping, node, path, as: [String: String].self)
            }
            let frame = MappingFrame(mapping: mapping, node: node, path: path, session: session)
            self.frame = frame
            return frame
        }

        /// Reports the unknown fields of this node and of the nodes decoded under it.
        func finish(_ session: Session) {
            frame?.reportUnknownFields(session)
            for child in children {
                child.finish(session)
            }
        }
    }

    /// A mapping as keyed containers see it: entries in order (merge keys applied), lookups
    /// that tolerate case differences, and which keys were asked for and used.
    final class MappingFrame {
        struct Entry {
            /// The key as a string; nil for a key that is a list or mapping.
            let name: String?
            let key: Node
            let value: Node
            var isUsed = false
        }

        let node: Node
        let path: FieldPath
        private(set) var entries: [Entry] = []
        private var exact: [String: Int] = [:]
        private var folded: [String: [Int]] = [:]
        private var asked: [String] = []
        private var askedNames: Set<String> = []
        private var caseWarnings: Set<Int> = []
        private var failedAttempts: [String: [Range<Int>]] = [:]

        init(mapping: Node.Mapping, node: Node, path: FieldPath, session: Session) {
            self.node = node
            self.path = path
            entries = Self.entries(of: mapping, path: path, session: session, depth: 0)
            for (index, entry) in entries.enumerated() {
                guard let name = entry.name else { continue }
                if exact[name] == nil { exact[name] = index }
                folded[name.lowercased(), default: []].append(index)
            }
        }

        /// The entries of `mapping` with `<<` merges applied: own keys first, then merged keys
        /// not already present, earlier merge sources first.
        private static func entries(of mapping: Node.Mapping, path: FieldPath, session: Session, depth: Int) -> [Entry] {
            var own: [Entry] = []
            var sources: [Node] = []
            for pair in mapping {
                if isMergeKey(pair.key) {
                    sources.append(pair.value)
                } else {
                    own.append(Entry(name: pair.key.scalar?.string, key: pair.key, value: pair.value))
                }
            }
            guard !sources.isEmpty else { return own }
            var names = Set(own.compactMap(\.name))
            var merged = own
            for source in sources {
                let candidates: [Node]
                switch source {
                case .mapping: candidates = [source]
                case .sequence(let sequence): candidates = Array(sequence)
                case .scalar, .alias: candidates = [source]
                }
                for candidate in candidates {
                    guard case .mapping(let inner) = candidate else {
                        session.record(
                            .error, at: candidate.mark, path: path,
                            message: "`<<` can merge only mappings, got \(NodeDecoder.describe(candidate))",
                            fix: "merge an anchored mapping, as in `<<: *defaults`"
                        )
                        continue
                    }
                    guard depth < 32, session.mergeBudget > inner.count else {
                        session.record(.error, at: candidate.mark, path: path, message: "merge keys (`<<`) nest too deeply")
                        continue
                    }
                    session.mergeBudget -= inner.count
                    for entry in Self.entries(of: inner, path: path, session: session, depth: depth + 1) {
                        guard let name = entry.name, names.insert(name).inserted else { continue }
                        merged.append(entry)
                    }
                }
            }
            return merged
        }

        private static func isMergeKey(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.string == "<<" else { return false }
            switch scalar.style {
            case .any, .plain: return true
            case .singleQuoted, .doubleQuoted, .literal, .folded: return false
            }
        }

        /// The entry for the model's key `name`, marking it used: an exact match, or else the one
        /// entry that matches ignoring case (with a warning). Records `name` as asked for.
        func lookup(_ name: String, session: Session) -> Int? {
            if askedNames.insert(name).inserted {
                asked.append(name)
            }
            if let index = exact[name] {
                entries[index].isUsed = true
                return index
            }
            guard let candidates = folded[name.lowercased()], candidates.count == 1 else { return nil }
            let index = candidates[0]
            guard let written = entries[index].name, !askedNames.contains(written) else { return nil }
            entries[index].isUsed = true
            if caseWarnings.insert(index).inserted {
                session.record(
                    .warning, at: entries[index].key.mark, path: path.appending(name),
                    message: "`\(written)` should be spelled `\(name)`",
                    fix: "accepted as `\(name)`"
                )
            }
            return index
        }

        /// Marks every entry used (the whole mapping was read, as by `JSONValue`).
        func markAllUsed() {
            for index in entries.indices {
                entries[index].isUsed = true
            }
        }

        /// Notes a failed decode of `name` whose diagnostics are in `range`.
        func attemptFailed(_ name: String, diagnostics range: Range<Int>) {
            failedAttempts[name, default: []].append(range)
        }

        /// Notes a successful decode of `name`: diagnostics of earlier failed attempts are withdrawn.
        func attemptSucceeded(_ name: String, session: Session) {
            if let ranges = failedAttempts.removeValue(forKey: name) {
                session.retract(ranges)
            }
        }

        /// The "missing required field" problem for `name`, suggesting an unused key that is
        /// probably a misspelling of it.
        func missingField(_ name: String) -> Problem {
            let unused = entries.compactMap { entry -> String? in
                guard !entry.isUsed, let written = entry.name, !askedNames.contains(written) else { return nil }
                return written
            }
            let fix = Suggestion.closest(to: name, among: unused, allowingPrefixes: false)
                .map { "rename `\($0)` to `\(name)`" }
            return Problem(mark: node.mark, path: path.appending(name), message: "missing required field `\(name)`", fix: fix)
        }

        /// Warns about every key nothing asked for, suggesting a close asked-for key that is missing.
        func reportUnknownFields(_ session: Session) {
            let present = Set(entries.filter(\.isUsed).compactMap(\.name))
            let missing = asked.filter { exact[$0] == nil && !present.contains($0) && !isMatchedIgnoringCase($0) }
            for index in entries.indices where !entries[index].isUsed {
                let entry = entries[index]
                guard let name = entry.name else {
                    session.record(
                        .error, at: entry.key.mark, path: path,
                        message: "expected a string as field name, got \(NodeDecoder.describe(entry.key))"
                    )
                    continue
                }
                session.record(
                    .warning, at: entry.key.mark, path: path.appending(name),
                    message: "unknown field `\(name)`",
                    fix: Suggestion.closest(to: name, among: missing).map { "did you mean `\($0)`?" }
                )
            }
        }

        private func isMatchedIgnoringCase(_ name: String) -> Bool {
            guard let candidates = folded[name.lowercased()], candidates.count == 1 else { return false }
            return caseWarnings.contains(candidates[0])
        }
    }
}
