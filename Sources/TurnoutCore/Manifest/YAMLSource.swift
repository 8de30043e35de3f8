import Foundation
import Yams

/// Splits YAML text into documents, turning every problem with the text itself (size,
/// encoding, syntax, nesting, duplicate keys, alias bombs) into diagnostics.
///
/// Documents are parsed with no implicit typing (`Resolver.basic`): `NodeDecoder`
/// resolves plain scalars itself, and keys compare as strings, so `1:` and `"1":` are
/// duplicates, as they would be in JSON.
public enum YAMLSource {
    /// The largest input read, in bytes (16 MiB).
    public static let maximumByteCount = 16 * 1024 * 1024
    /// The deepest nesting of mappings and lists read.
    public static let maximumDepth = 128

    /// The documents in `data`, which must be UTF-8; `file` names it in diagnostics.
    public static func documents(in data: Data, file: String) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        if data.count > maximumByteCount {
            return ([], [tooLarge(byteCount: data.count, file: file)])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return ([], [notUTF8(data, file: file)])
        }
        return documents(in: text, file: file)
    }

    /// The non-empty documents in `text`, and the diagnostics for what could not be read.
    /// Documents before a syntax error are returned; the error's document and those after
    /// it are not.
    public static func documents(in text: String, file: String) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        let byteCount = text.utf8.count
        if byteCount > maximumByteCount {
            return ([], [tooLarge(byteCount: byteCount, file: file)])
        }
        var diagnostics: [Diagnostic] = []
        var readable = text
        if let finding = NestingScanner(maximumDepth: maximumDepth).scan(text) {
            diagnostics.append(Diagnostic(
                severity: .error,
                location: TextPosition.location(ofUTF8Offset: finding.offset, in: text, file: file),
                message: finding.message,
                fix: finding.fix
            ))
            readable = String(decoding: text.utf8.prefix(finding.documentStart), as: UTF8.self)
        }

        // Each repair parses the text again: allow fewer for big files (a few for 16 MiB).
        let renameLimit = min(DuplicateKeyRepair.maximumRenames, max(2, (64 << 20) / max(1, byteCount)))
        var repair = DuplicateKeyRepair()
        var parsed = compose(readable)
        while case .duplicatedKeysInMapping(let keys, let context)? = parsed.error as? YamlError,
              repair.count < renameLimit, let key = keys.first,
              repair.rename(key: key, at: context.mark, in: &readable) {
            parsed = compose(readable)
        }
        if let error = parsed.error {
            diagnostics.append(diagnostic(for: error, in: readable, file: file))
        }

        let mayHaveAliases = readable.utf8.contains(UInt8(ascii: "*"))
        let nodeLimit = 2 * byteCount + 1_000
        var documents: [YAMLDocument] = []
        for (index, root) in parsed.roots.enumerated() {
            if mayHaveAliases, !NodeCount.expanded(root, isAtMost: nodeLimit) {
                diagnostics.append(Diagnostic(
                    severity: .error,
                    location: location(of: root.mark, file: file),
                    message: "aliases expand this document to more than \(nodeLimit) nodes",
                    fix: "write the repeated values out, or use fewer nested aliases"
                ))
                continue
            }
            let node = repair.count > 0 ? repair.restore(root, file: file, diagnostics: &diagnostics) : root
            if isEmptyDocument(node) { continue }
            documents.append(YAMLDocument(index: index, node: node, location: location(of: node.mark, file: file)))
        }
        diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return (documents, diagnostics)
    }

    // MARK: Parsing

    private static func compose(_ text: String) -> (roots: [Node], error: (any Error)?) {
        var roots: [Node] = []
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            while let root = try parser.nextRoot() {
                roots.append(root)
            }
            return (roots, nil)
        } catch {
            return (roots, error)
        }
    }

    private static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        switch scalar.style {
        case .any, .plain:
            let tag = scalar.tag.rawValue
            return (tag.isEmpty || tag == Tag.Name.null.rawValue) && PlainScalar.kind(of: scalar.string) == .null
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            return false
        }
    }

    // MARK: Diagnostics

    static func location(of mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1))
    }

    private static func tooLarge(byteCount: Int, file: String) -> Diagnostic {
        Diagnostic(
            severity: .error,
            location: SourceLocation(file: file, line: 1, column: 1),
            message: "file is larger than 16 MiB (\(byteCount) bytes)",
            fix: "split it into several files"
        )
    }

    private static func notUTF8(_ data: Data, file: String) -> Diagnostic {
        let bytes = [UInt8](data)
        var fix = "save the file as UTF-8"
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            fix += "; it looks like UTF-16"
        } else if let offset = firstInvalidUTF8Offset(bytes) {
            let valid = String(decoding: bytes[..<offset], as: UTF8.self)
            let position = TextPosition.lineAndColumn(of: valid.endIndex, in: valid)
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            let byte = "0x" + (hex.count < 2 ? "0" + hex : hex)
            fix += "; the first byte that is not UTF-8 (\(byte)) is on line \(position.line), column \(position.column)"
        }
        return Diagnostic(
            severity: .error,
            location: SourceLocation(file: file, line: 1, column: 1),
            message: "not UTF-8 text",
            fix: fix
        )
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    private static func diagnostic(for error: any Error, in text: String, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "\(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _),
             .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return syntaxError(problem, at: mark, in: text, file: file)
        case .reader(let problem, let offset, _, _):
            var location = SourceLocation(file: file, line: 1, column: 1)
            if let offset, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) {
                let position = TextPosition.lineAndColumn(of: index, in: text)
                location = SourceLocation(file: file, line: position.line, column: position.column)
            }
            return Diagnostic(
                severity: .error, location: location, message: problem,
                fix: problem.contains("control characters") ? "remove the control character or write it as an escape in a double-quoted string" : nil
            )
        case .duplicatedKeysInMapping(let keys, let context):
            let names = keys.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(
                severity: .error,
                location: location(of: context.mark, file: file),
                message: keys.count == 1 ? "duplicate key \(names)" : "duplicate keys \(names)",
                fix: "remove or rename the repeated keys in this mapping"
            )
        case .memory:
            return Diagnostic(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "out of memory while parsing")
        case .no, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            return Diagnostic(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "\(yamlError)")
        }
    }

    private static func syntaxError(_ problem: String, at mark: Mark, in text: String, file: String) -> Diagnostic {
        var message = problem
        var fix: String?
        if problem.hasPrefix("Maximum nesting level") {
            message = "nesting is deeper than libyaml's limit"
        }
        let character = TextPosition.index(line: mark.line, column: mark.column, in: text)
            .flatMap { $0 < text.unicodeScalars.endIndex ? text.unicodeScalars[$0] : nil }
        switch problem {
        case "found character that cannot start any token":
            switch character {
            case "\t": fix = "indent with spaces; YAML does not allow tabs here"
            case "@", "`": fix = "quote the value; `\(character.map(String.init) ?? "")` cannot start a plain value"
            default: break
            }
        case "mapping values are not allowed in this context":
            fix = "quote the value if it contains `: `, or check the indentation of this line"
        case "did not find expected key", "did not find expected '-' indicator":
            fix = "check the indentation of this line"
        case "found undefined alias":
            fix = "define the anchor (`&name`) before the alias (`*name`) that uses it"
        case "did not find expected ',' or ']'":
            fix = "close the list with `]`"
        case "did not find expected ',' or '}'":
            fix = "close the mapping with `}`"
        case "found unknown escape character":
            fix = "use single quotes, or write the backslash as `\\\\`"
        case "found unexpected end of stream":
            fix = "close the quote that starts earlier"
        default:
            break
        }
        return Diagnostic(severity: .error, location: location(of: mark, file: file), message: message, fix: fix)
    }
}
