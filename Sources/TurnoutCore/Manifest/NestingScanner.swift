/// A linear pre-scan of YAML text that finds what would make Yams misbehave before
/// Yams sees it: nesting deeper than a limit (Yams composes recursively, and libyaml
/// only stops at 1,000 levels, which overflows a 512 KiB thread stack), and aliases in
/// a document that also has complex keys (Yams hashes keys to find duplicates, and
/// hashing an alias of an alias of ... walks an exponential tree).
///
/// It tokenizes just enough YAML to tell structure from text: quoted scalars, comments,
/// block scalars, plain scalars and their continuation lines, flow collections, and
/// block indentation (including sequences indented at their parent key's column).
struct NestingScanner {
    /// What the scan found wrong, and where the document holding it starts.
    struct Finding: Equatable {
        /// UTF-8 offset of the start of the document that holds the problem.
        var documentStart: Int
        /// UTF-8 offset of the problem.
        var offset: Int
        /// What is wrong.
        var message: String
        /// How to fix it.
        var fix: String?
    }

    /// The deepest nesting accepted.
    let maximumDepth: Int

    private enum Level {
        case mapping, sequence, indentlessSequence
    }

    private struct State {
        var indents: [(column: Int, level: Level)] = []
        var documentStart = 0
        var aliasOffset: Int?
        var complexKeyOffset: Int?
        var finding: Finding?
        // Column cache: columns are counted in scalars from the start of the line.
        var lineStart = 0
        var columnCacheOffset = 0
        var columnCacheValue = 0
    }

    /// The first problem in `text`, or nil when Yams can safely parse it.
    func scan(_ text: String) -> Finding? {
        var copy = text
        return copy.withUTF8 { bytes in
            var state = State()
            run(bytes, &state)
            return state.finding
        }
    }

    // MARK: Lines

    private func run(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout State) {
        var position = 0
        let count = bytes.count
        while position < count, state.finding == nil {
            state.lineStart = position
            state.columnCacheOffset = position
            state.columnCacheValue = 0
            var cursor = position
            while cursor < count, bytes[cursor] == space { cursor += 1 }
            let indent = cursor - position
            if cursor >= count { break }
            let byte = bytes[cursor]
            if isLineBreak(byte) || byte == hash {
                position = nextLine(bytes, from: cursor)
                continue
            }
            if indent == 0, byte == UInt8(ascii: "%") {
                position = nextLine(bytes, from: cursor)
                continue
            }
            if indent == 0, let marker = documentMarker(bytes, at: cursor) {
                state.indents.removeAll()
                state.aliasOffset = nil
                state.complexKeyOffset = nil
                if marker == UInt8(ascii: ".") {
                    position = nextLine(bytes, from: cursor)
                    state.documentStart = position
                    continue
                }
                state.documentStart = position
                cursor += 3
            } else {
                while let top = state.indents.last, top.column > indent {
                    state.indents.removeLast()
                }
                if let top = state.indents.last, top.column == indent, top.level == .indentlessSequence,
                   !isIndicator(bytes, at: cursor, UInt8(ascii: "-")) {
                    state.indents.removeLast()
                }
            }
            let endedInPlainScalar = scanTokens(bytes, from: cursor, &state, position: &position)
            if endedInPlainScalar {
                position = skipContinuationLines(bytes, from: position, &state)
            }
        }
    }

    /// Skips the continuation lines of a multi-line plain scalar: non-blank lines indented
    /// deeper than the enclosing block collection.
    private func skipContinuationLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State) -> Int {
        let parentColumn = state.indents.last?.column ?? -1
        var position = start
        while position < bytes.count {
            var cursor = position
            while cursor < bytes.count, bytes[cursor] == space || bytes[cursor] == tab { cursor += 1 }
            if cursor >= bytes.count { return cursor }
            if isLineBreak(bytes[cursor]) {
                position = nextLine(bytes, from: cursor)
                continue
            }
            let indent = cursor - position
            if indent <= parentColumn || bytes[cursor] == hash { return position }
            if indent == 0, documentMarker(bytes, at: cursor) != nil { return position }
            position = nextLine(bytes, from: cursor)
        }
        return position
    }

    // MARK: Block context

    /// Scans the tokens from `start` to the end of the line (and across any multi-line
    /// construct); sets `position` to the start of the next line to read. Returns whether
    /// the line ended inside a plain scalar.
    private func scanTokens(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State, position: inout Int) -> Bool {
        var cursor = start
        let count = bytes.count
        while state.finding == nil {
            while cursor < count, bytes[cursor] == space || bytes[cursor] == tab { cursor += 1 }
            guard cursor < count, !isLineBreak(bytes[cursor]) else {
                position = nextLine(bytes, from: cursor)
                return false
            }
            let byte = bytes[cursor]
            let column = self.column(bytes, at: cursor, &state)
            switch byte {
            case hash:
                position = nextLine(bytes, from: cursor)
                return false
            case UInt8(ascii: "-") where isIndicator(bytes, at: cursor, byte):
                if let top = state.indents.last, top.column >= column {
                    if top.column == column, top.level == .mapping {
                        push(.indentlessSequence, column: column, at: cursor, &state)
                    }
                } else {
                    push(.sequence, column: column, at: cursor, &state)
                }
                cursor += 1
            case UInt8(ascii: "?") where isIndicator(bytes, at: cursor, byte):
                noteComplexKey(at: cursor, &state)
                pushMapping(column: column, at: cursor, &state)
                cursor += 1
            case UInt8(ascii: ":") where isIndicator(bytes, at: cursor, byte):
                cursor += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                cursor = scanFlow(bytes, from: cursor, &state)
                if let after = keyIndicator(bytes, after: cursor) {
                    noteComplexKey(at: cursor, &state)
                    pushMapping(column: column, at: cursor, &state)
                    cursor = after
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                cursor = scanQuoted(bytes, from: cursor, &state)
                if let after = keyIndicator(bytes, after: cursor) {
                    pushMapping(column: column, at: cursor, &state)
                    cursor = after
                }
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                while cursor < count, !isBlank(bytes[cursor]) { cursor += 1 }
            case UInt8(ascii: "*"):
                cursor = scanAlias(bytes, from: cursor, &state)
                if let after = keyIndicator(bytes, after: cursor) {
                    noteComplexKey(at: cursor, &state)
                    pushMapping(column: column, at: cursor, &state)
                    cursor = after
                }
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                position = skipBlockScalar(bytes, from: cursor, &state)
                return false
            default:
                // A plain scalar: it ends at `: ` (then it was a key), ` #`, or the line end.
                while cursor < count, !isLineBreak(bytes[cursor]) {
                    if bytes[cursor] == UInt8(ascii: ":"), cursor + 1 >= count || isBlank(bytes[cursor + 1]) {
                        break
                    }
                    if isSpaceOrTab(bytes[cursor]), cursor + 1 < count, bytes[cursor + 1] == hash {
                        break
                    }
                    cursor += 1
                }
                if cursor < count, bytes[cursor] == UInt8(ascii: ":") {
                    pushMapping(column: column, at: cursor, &state)
                    cursor += 1
                } else {
                    position = nextLine(bytes, from: cursor)
                    return true
                }
            }
        }
        position = bytes.count
        return false
    }

    /// Skips a block scalar's header and its content lines (blank, or indented deeper
    /// than the enclosing collection).
    private func skipBlockScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State) -> Int {
        let parentColumn = state.indents.last?.column ?? -1
        var position = nextLine(bytes, from: start)
        while position < bytes.count {
            var cursor = position
            while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
            if cursor >= bytes.count { return cursor }
            if isLineBreak(bytes[cursor]) {
                position = nextLine(bytes, from: cursor)
                continue
            }
            let indent = cursor - position
            if indent <= parentColumn { return position }
            if indent == 0, documentMarker(bytes, at: cursor) != nil { return position }
            position = nextLine(bytes, from: cursor)
        }
        return position
    }

    // MARK: Flow context and scalars

    /// Scans a flow collection from its opening bracket to its matching close (or the end
    /// of the text, or a document marker); returns the offset after it.
    private func scanFlow(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State) -> Int {
        var depth = 0
        var cursor = start
        var inPlainScalar = false
        var previous: UInt8 = space
        let count = bytes.count
        while cursor < count, state.finding == nil {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                inPlainScalar = false
                if state.indents.count + depth > maximumDepth {
                    tooDeep(at: cursor, &state)
                    return cursor
                }
                cursor += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                inPlainScalar = false
                cursor += 1
                if depth <= 0 { return cursor }
                if keyIndicator(bytes, after: cursor) != nil {
                    noteComplexKey(at: cursor, &state)
                }
            case UInt8(ascii: ","):
                inPlainScalar = false
                cursor += 1
            case UInt8(ascii: "\n"):
                cursor += 1
                state.lineStart = cursor
                state.columnCacheOffset = cursor
                state.columnCacheValue = 0
                if documentMarker(bytes, at: cursor) != nil { return cursor }
            case space, tab, UInt8(ascii: "\r"):
                cursor += 1
            case hash where isBlank(previous):
                while cursor < count, !isLineBreak(bytes[cursor]) { cursor += 1 }
            case UInt8(ascii: ":"):
                if cursor + 1 >= count || isBlank(bytes[cursor + 1]) || isFlowIndicator(bytes[cursor + 1]) {
                    inPlainScalar = false
                }
                cursor += 1
            case UInt8(ascii: "'") where !inPlainScalar, UInt8(ascii: "\"") where !inPlainScalar:
                cursor = scanQuoted(bytes, from: cursor, &state)
            case UInt8(ascii: "*") where !inPlainScalar:
                cursor = scanAlias(bytes, from: cursor, &state)
                if keyIndicator(bytes, after: cursor) != nil {
                    noteComplexKey(at: cursor, &state)
                }
            case UInt8(ascii: "?") where !inPlainScalar && (cursor + 1 >= count || isBlank(bytes[cursor + 1])):
                noteComplexKey(at: cursor, &state)
                cursor += 1
            case UInt8(ascii: "&") where !inPlainScalar, UInt8(ascii: "!") where !inPlainScalar:
                while cursor < count, !isBlank(bytes[cursor]), !isFlowIndicator(bytes[cursor]) { cursor += 1 }
            default:
                inPlainScalar = true
                cursor += 1
            }
            previous = cursor > 0 ? bytes[cursor - 1] : space
        }
        return cursor
    }

    /// Scans a quoted scalar, which may span lines; returns the offset after its closing quote.
    private func scanQuoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State) -> Int {
        let quote = bytes[start]
        var cursor = start + 1
        let count = bytes.count
        while cursor < count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\n") {
                state.lineStart = cursor + 1
                state.columnCacheOffset = cursor + 1
                state.columnCacheValue = 0
            }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                if cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: "\n") {
                    state.lineStart = cursor + 2
                    state.columnCacheOffset = cursor + 2
                    state.columnCacheValue = 0
                }
                cursor += 2
                continue
            }
            if byte == quote {
                if quote == UInt8(ascii: "'"), cursor + 1 < count, bytes[cursor + 1] == quote {
                    cursor += 2
                    continue
                }
                return cursor + 1
            }
            cursor += 1
        }
        return count
    }

    /// Scans `*name` (libyaml allows letters, digits, `_` and `-`); returns the offset after it.
    private func scanAlias(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ state: inout State) -> Int {
        if state.aliasOffset == nil {
            state.aliasOffset = start
            checkAliasHazard(&state)
        }
        var cursor = start + 1
        while cursor < bytes.count, isAnchorCharacter(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    // MARK: Bookkeeping

    private func pushMapping(column: Int, at offset: Int, _ state: inout State) {
        if let top = state.indents.last, top.column >= column { return }
        push(.mapping, column: column, at: offset, &state)
    }

    private func push(_ level: Level, column: Int, at offset: Int, _ state: inout State) {
        state.indents.append((column, level))
        if state.indents.count > maximumDepth {
            tooDeep(at: offset, &state)
        }
    }

    private func tooDeep(at offset: Int, _ state: inout State) {
        guard state.finding == nil else { return }
        state.finding = Finding(
            documentStart: state.documentStart,
            offset: offset,
            message: "nesting is deeper than \(maximumDepth) levels",
            fix: "flatten the document; manifests are read to at most \(maximumDepth) nested levels"
        )
    }

    private func noteComplexKey(at offset: Int, _ state: inout State) {
        if state.complexKeyOffset == nil {
            state.complexKeyOffset = offset
            checkAliasHazard(&state)
        }
    }

    private func checkAliasHazard(_ state: inout State) {
        guard state.finding == nil, let alias = state.aliasOffset, let key = state.complexKeyOffset else { return }
        state.finding = Finding(
            documentStart: state.documentStart,
            offset: max(alias, key),
            message: "aliases cannot be used in a document with complex mapping keys",
            fix: "write the key as a plain string, or write the aliased value out in full"
        )
    }

    /// The 0-based column of `offset` in Unicode scalars, counted from the line start.
    private func column(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ state: inout State) -> Int {
        if offset < state.columnCacheOffset || state.columnCacheOffset < state.lineStart {
            state.columnCacheOffset = state.lineStart
            state.columnCacheValue = 0
        }
        var value = state.columnCacheValue
        var cursor = state.columnCacheOffset
        while cursor < offset {
            if bytes[cursor] & 0xC0 != 0x80 { value += 1 }
            cursor += 1
        }
        state.columnCacheOffset = offset
        state.columnCacheValue = value
        return value
    }
}
