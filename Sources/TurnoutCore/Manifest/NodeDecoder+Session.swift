import Foundation
import Yams

extension NodeDecoder {
    /// The state of one `decode` call: where diagnostics go, how deep decoding is.
    final class Session {
        let file: String
        let prefix: FieldPath
        /// Diagnostics in the order recorded; retracted ones are nil.
        private var entries: [Diagnostic?] = []
        /// Nested decode calls in progress.
        private var depth = 0
        /// Merge-key entries still allowed, so nested `<<` aliases cannot explode.
        var mergeBudget = 1_000_000

        init(file: String, prefix: FieldPath) {
            self.file = file
            self.prefix = prefix
        }

        // MARK: Diagnostics

        /// The position up to which diagnostics have been recorded.
        var checkpoint: Int { entries.count }

        /// Records a diagnostic about `mark` (falling back to `fallback`) at the relative `path`.
        func record(_ severity: Diagnostic.Severity, at mark: Mark?, path: FieldPath, message: String, fix: String? = nil) {
            entries.append(Diagnostic(
                severity: severity,
                location: YAMLSource.location(of: mark, file: file),
                path: prefix.appending(contentsOf: path),
                message: message,
                fix: fix
            ))
        }

        /// Withdraws the diagnostics recorded in `ranges` (a failed attempt that a later one replaced).
        func retract(_ ranges: [Range<Int>]) {
            for range in ranges {
                for index in range where entries.indices.contains(index) {
                    entries[index] = nil
                }
            }
        }

        /// Records the diagnostic for a failure caught at a boundary (`decodeIfPresent`, a list
        /// element, the root), unless it was already reported.
        func recordFailure(_ error: any Error, at node: Node, path: FieldPath) {
            let problem = Problem.carried(by: error) ?? foreignProblem(error, at: node, path: path)
            guard !problem.isAlreadyReported else { return }
            record(.error, at: problem.mark ?? node.mark, path: problem.path, message: problem.message, fix: problem.fix)
        }

        /// The recorded diagnostics, each problem once, in file order.
        func finishedDiagnostics() -> [Diagnostic] {
            var seen = Set<String>()
            var unique: [(offset: Int, diagnostic: Diagnostic)] = []
            for diagnostic in entries.compactMap({ $0 }) {
                let key = "\(diagnostic.severity):\(diagnostic.location.line):\(diagnostic.location.column):\(diagnostic.message)"
                if seen.insert(key).inserted {
                    unique.append((unique.count, diagnostic))
                }
            }
            unique.sort { left, right in
                let leftKey = (left.diagnostic.location.line, left.diagnostic.location.column, left.offset)
                let rightKey = (right.diagnostic.location.line, right.diagnostic.location.column, right.offset)
                return leftKey < rightKey
            }
            return unique.map(\.diagnostic)
        }

        // MARK: Decoding

        /// Decodes the document root, recording a failure instead of throwing it.
        func decodeRoot<T: Decodable>(_ type: T.Type, from node: Node) -> T? {
            do {
                return try unbox(type, from: node, path: [], state: nil)
            } catch {
                recordFailure(error, at: node, path: [])
                return nil
            }
        }

        /// Decodes one value. With a shared `state` (a single-value container decoding the same
        /// node again) the caller owns the unknown-field check; otherwise it runs here on success.
        func unbox<T: Decodable>(_ type: T.Type, from node: Node, path: FieldPath, state: NodeState?) throws -> T {
            depth += 1
            defer { depth -= 1 }
            guard depth <= NodeDecoder.maximumDepth else {
                throw Problem(mark: node.mark, path: path, message: "nesting is deeper than \(NodeDecoder.maximumDepth) levels")
                    .dataCorrupted()
            }
            if let value = try decodeScalarType(type, node, path) {
                return value
            }
            if let elementwise = type as? any ElementwiseDecodable.Type {
                if let value = try elementwise.decodeElements(from: node, path: path, session: self) as? T {
                    return value
                }
            }
            let decoder = ValueDecoder(node: node, path: path, session: self, state: state ?? NodeState())
            do {
                let value = try T(from: decoder)
                if state == nil {
                    decoder.state.finish(self)
                }
                return value
            } catch {
                if Problem.carried(by: error) != nil { throw error }
                if let problem = unknownCaseProblem(error, type, node, path) {
                    throw problem.dataCorrupted()
                }
                let problem = foreignProblem(error, at: node, path: path)
                if let decodingError = error as? DecodingError {
                    throw problem.replacingProblem(in: decodingError)
                }
                throw problem.dataCorrupted()
            }
        }

        /// `node` as a `JSONValue`, reading every key.
        func jsonValue(from node: Node, path: FieldPath) throws -> JSONValue {
            depth += 1
            defer { depth -= 1 }
            guard depth <= NodeDecoder.maximumDepth else {
                throw Problem(mark: node.mark, path: path, message: "nesting is deeper than \(NodeDecoder.maximumDepth) levels")
                    .dataCorrupted()
            }
            switch node {
            case .scalar(let scalar):
                switch ScalarShape(scalar) {
                case .null: return .null
                case .bool(let value): return .bool(value)
                case .int:
                    guard let integer = PlainScalar.integer(scalar.string) else {
                        return PlainScalar.double(scalar.string).map(JSONValue.double) ?? .string(scalar.string)
                    }
                    return integer.exactly(Int.self).map(JSONValue.int) ?? .double(integer.doubleValue)
                case .float:
                    guard let value = PlainScalar.double(scalar.string), value.isFinite else { return .string(scalar.string) }
                    return .double(value)
                case .string:
                    return .string(scalar.string)
                }
            case .sequence(let sequence):
                var array: [JSONValue] = []
                array.reserveCapacity(sequence.count)
                for (index, element) in sequence.enumerated() {
                    array.append(try jsonValue(from: element, path: path.appending(index: index)))
                }
                return .array(array)
            case .mapping(let mapping):
                let frame = MappingFrame(mapping: mapping, node: node, path: path, session: self)
                var object: [String: JSONValue] = [:]
                for entry in frame.entries {
                    guard let name = entry.name else {
                        throw Problem(
                            mark: entry.key.mark, path: path,
                            message: "expected a string as field name, got \(NodeDecoder.describe(entry.key))"
                        ).typeMismatch(JSONValue.self)
                    }
                    if object[name] == nil {
                        object[name] = try jsonValue(from: entry.value, path: path.appending(name))
                    }
                }
                frame.markAllUsed()
                return .object(object)
            case .alias:
                throw mismatch(.mapping, node, path).typeMismatch(JSONValue.self)
            }
        }

        // MARK: Errors from model code

        /// A problem for an error that model code threw: located at the node its coding path
        /// names (walking down from `node`, which sits at `path`).
        func foreignProblem(_ error: any Error, at node: Node, path: FieldPath) -> Problem {
            guard let decodingError = error as? DecodingError, let context = Problem.context(of: decodingError) else {
                let message = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
                return Problem(mark: node.mark, path: path, message: message)
            }
            let errorPath = FieldPath(codingPath: context.codingPath)
            let target = errorPath.hasPrefix(path)
                ? Self.descend(from: node, along: errorPath.components.dropFirst(path.components.count))
                : node
            if case .keyNotFound(let key, _) = decodingError {
                return Problem(
                    mark: target.mark ?? node.mark,
                    path: errorPath.appending(key.stringValue),
                    message: "missing required field `\(key.stringValue)`"
                )
            }
            let message = context.debugDescription.isEmpty ? "invalid value" : context.debugDescription
            return Problem(mark: target.mark ?? node.mark, path: errorPath.hasPrefix(path) ? errorPath : path, message: message)
        }

        /// The node reached from `node` by following `components` as far as they lead.
        static func descend(from node: Node, along components: ArraySlice<FieldPath.Component>) -> Node {
            var current = node
            for component in components {
                switch component {
                case .key(let key):
                    guard case .mapping(let mapping) = current else { return current }
                    let pairs = Array(mapping)
                    let folded = pairs.filter { $0.key.scalar?.string.lowercased() == key.lowercased() }
                    guard let match = pairs.first(where: { $0.key.scalar?.string == key })
                        ?? (folded.count == 1 ? folded[0] : nil) else { return current }
                    current = match.value
                case .index(let index):
                    guard case .sequence(let sequence) = current, sequence.indices.contains(index) else { return current }
                    current = sequence[index]
                }
            }
            return current
        }

        /// A readable problem for a `CaseIterable` string enum given a value it lacks.
        private func unknownCaseProblem<T>(_ error: any Error, _ type: T.Type, _ node: Node, _ path: FieldPath) -> Problem? {
            guard case DecodingError.dataCorrupted(let context)? = error as? DecodingError,
                  FieldPath(codingPath: context.codingPath) == path,
                  case .scalar(let scalar) = node,
                  let iterable = type as? any CaseIterable.Type else { return nil }
            let names = Self.rawNames(of: iterable)
            guard !names.isEmpty else { return nil }
            let listed = names.map { "`\($0)`" }.joined(separator: ", ")
            return Problem(
                mark: node.mark,
                path: path,
                message: "unknown value `\(NodeDecoder.excerpt(scalar.string))`, expected one of \(listed)",
                fix: Suggestion.closest(to: scalar.string, among: names).map { "did you mean `\($0)`?" }
            )
        }

        private static func rawNames<C: CaseIterable>(of type: C.Type) -> [String] {
            type.allCases.compactMap { value in
                guard let raw = value as? any RawRepresentable else { return nil }
                return raw.rawValue as? String
            }
        }
    }
}

/// Collections decoded element by element, so every bad element is reported, not just the first.
protocol ElementwiseDecodable {
    /// Decodes every element, records each failure, and throws once (already reported) if any failed.
    static func decodeElements(from node: Node, path: FieldPath, session: NodeDecoder.Session) throws -> Self
}

extension Array: ElementwiseDecodable where Element: Decodable {
    static func decodeElements(from node: Node, path: FieldPath, session: NodeDecoder.Session) throws -> [Element] {
        guard case .sequence(let sequence) = node else {
            throw session.fail(.list, node, path, as: [Element].self)
        }
        var elements: [Element] = []
        elements.reserveCapacity(sequence.count)
        var failures = 0
        for (index, element) in sequence.enumerated() {
            let elementPath = path.appending(index: index)
            do {
                elements.append(try session.unbox(Element.self, from: element, path: elementPath, state: nil))
            } catch {
                session.recordFailure(error, at: element, path: elementPath)
                failures += 1
            }
        }
        guard failures == 0 else {
            var problem = NodeDecoder.Problem(mark: node.mark, path: path, message: "\(failures) list items are invalid")
            problem.isAlreadyReported = true
            throw problem.dataCorrupted()
        }
        return elements
    }
}

extension Dictionary: ElementwiseDecodable where Key == String, Value: Decodable {
    static func decodeElements(from node: Node, path: FieldPath, session: NodeDecoder.Session) throws -> [String: Value] {
        guard case .mapping(let mapping) = node else {
            throw session.fail(.mapping, node, path, as: [String: Value].self)
        }
        let frame = NodeDecoder.MappingFrame(mapping: mapping, node: node, path: path, session: session)
        frame.markAllUsed()
        var values: [String: Value] = [:]
        var failures = 0
        for entry in frame.entries {
            guard let name = entry.name else {
                session.record(
                    .error, at: entry.key.mark, path: path,
                    message: "expected a string as field name, got \(NodeDecoder.describe(entry.key))"
                )
                failures += 1
                continue
            }
            let valuePath = path.appending(name)
            do {
                values[name] = try session.unbox(Value.self, from: entry.value, path: valuePath, state: nil)
            } catch {
                session.recordFailure(error, at: entry.value, path: valuePath)
                failures += 1
            }
        }
        guard failures == 0 else {
            var problem = NodeDecoder.Problem(mark: node.mark, path: path, message: "\(failures) entries are invalid")
            problem.isAlreadyReported = true
            throw problem.dataCorrupted()
        }
        return values
    }
}
