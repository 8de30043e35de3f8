import Yams

/// Lets a stream with duplicate mapping keys parse, so each duplicate is reported at
/// its own position and the rest of the document is still checked.
///
/// Yams stops the whole stream at the first mapping with duplicate keys and reports the
/// *first* occurrence. The repair renames that occurrence in the text to a unique
/// private-use string of the same length (so no other position moves), parses again,
/// and afterwards restores the original names, keeps the first occurrence of each key
/// and reports every later one.
struct DuplicateKeyRepair {
    /// Renames tried before giving up on a stream.
    static let maximumRenames = 32

    private struct Position: Hashable {
        var line: Int
        var column: Int
    }

    private var renames: [Position: String] = [:]

    /// How many keys have been renamed.
    var count: Int { renames.count }

    /// Renames the key `key` whose node starts at `mark`; false when the text there is
    /// not recognisably that key (an alias, a complex key, an empty key...).
    mutating func rename(key: String, at mark: Mark, in text: inout String) -> Bool {
        guard renames.count < Self.maximumRenames, renames[Position(line: mark.line, column: mark.column)] == nil,
              var cursor = TextPosition.index(line: mark.line, column: mark.column, in: text) else { return false }
        let scalars = text.unicodeScalars
        // Skip node properties (`&anchor`, `!tag`) that the mark includes.
        while cursor < scalars.endIndex, scalars[cursor] == "&" || scalars[cursor] == "!" {
            while cursor < scalars.endIndex, !isBlank(scalars[cursor]) { cursor = scalars.index(after: cursor) }
            while cursor < scalars.endIndex, scalars[cursor] == " " || scalars[cursor] == "\t" {
                cursor = scalars.index(after: cursor)
            }
        }
        guard cursor < scalars.endIndex else { return false }
        let range: Range<String.Index>
        let quote = scalars[cursor]
        if quote == "\"" || quote == "'" {
            let start = scalars.index(after: cursor)
            var end = start
            while true {
                guard end < scalars.endIndex, !TextPosition.isBreak(scalars[end]) else { return false }
                let scalar = scalars[end]
                let next = scalars.index(after: end)
                if quote == "\"", scalar == "\\" {
                    guard next < scalars.endIndex else { return false }
                    end = scalars.index(after: next)
                    continue
                }
                if scalar == quote {
                    if quote == "'", next < scalars.endIndex, scalars[next] == "'" {
                        end = scalars.index(after: next)
                        continue
                    }
                    break
                }
                end = next
            }
            range = start..<end
        } else {
            var end = cursor
            for expected in key.unicodeScalars {
                guard end < scalars.endIndex, scalars[end] == expected else { return false }
                end = scalars.index(after: end)
            }
            range = cursor..<end
        }
        let length = scalars[range].count
        guard length > 0 else { return false }
        var replacement = String.UnicodeScalarView()
        replacement.append(Self.marker(renames.count))
        for _ in 1..<length { replacement.append(Self.filler) }
        text.unicodeScalars.replaceSubrange(range, with: replacement)
        renames[Position(line: mark.line, column: mark.column)] = key
        return true
    }

    /// `root` with renamed keys restored and every later duplicate removed and reported.
    func restore(_ root: Node, file: String, diagnostics: inout [Diagnostic]) -> Node {
        restore(root, path: [], depth: 0, file: file, diagnostics: &diagnostics)
    }

    private func restore(_ node: Node, path: FieldPath, depth: Int, file: String, diagnostics: inout [Diagnostic]) -> Node {
        guard depth < 2 * YAMLSource.maximumDepth else { return node }
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            var seen: [String: (line: Int, wasRenamed: Bool)] = [:]
            for pair in mapping {
                var key = pair.key
                var wasRenamed = false
                if case .scalar(var scalar) = key, let mark = scalar.mark,
                   let original = renames[Position(line: mark.line, column: mark.column)],
                   Self.isRenamed(scalar.string) {
                    scalar.string = original
                    key = .scalar(scalar)
                    wasRenamed = true
                }
                var keyName: String?
                if case .scalar(let scalar) = key {
                    keyName = scalar.string
                    if let first = seen[scalar.string], first.wasRenamed || wasRenamed {
                        let mark = scalar.mark
                        diagnostics.append(Diagnostic(
                            severity: .error,
                            location: SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1)),
                            path: path.appending(scalar.string),
                            message: "duplicate key `\(scalar.string)`",
                            fix: "remove one of them; only the first, on line \(first.line), is read"
                        ))
                        continue
                    }
                    if seen[scalar.string] == nil {
                        seen[scalar.string] = (scalar.mark?.line ?? 1, wasRenamed)
                    }
                }
                let value = restore(
                    pair.value, path: keyName.map(path.appending) ?? path, depth: depth + 1,
                    file: file, diagnostics: &diagnostics
                )
                pairs.append((key, value))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor))
        case .sequence(let sequence):
            var nodes: [Node] = []
            nodes.reserveCapacity(sequence.count)
            for (index, element) in sequence.enumerated() {
                nodes.append(restore(element, path: path.appending(index: index), depth: depth + 1, file: file, diagnostics: &diagnostics))
            }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
        case .scalar, .alias:
            return node
        }
    }

    private static let filler: Unicode.Scalar = "\u{F8FF}"

    private static func marker(_ number: Int) -> Unicode.Scalar {
        Unicode.Scalar(0xE000 + UInt32(number)) ?? filler
    }

    private static func isRenamed(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first else { return false }
        return first.value >= 0xE000 && first.value < 0xE000 + UInt32(maximumRenames)
    }

    private func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || TextPosition.isBreak(scalar)
    }
}
