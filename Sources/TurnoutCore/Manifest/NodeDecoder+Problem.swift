import Yams

extension NodeDecoder {
    /// A decoding problem with everything a diagnostic needs; thrown inside a
    /// `DecodingError`'s `underlyingError` so model code can still catch `DecodingError`.
    struct Problem: Error {
        /// Where the problem is; nil falls back to the node being decoded.
        var mark: Mark?
        /// The field path, relative to the decoder's prefix.
        var path: FieldPath
        /// What is wrong.
        var message: String
        /// How to fix it.
        var fix: String?
        /// Whether diagnostics were already recorded for it (a list with bad elements).
        var isAlreadyReported = false

        /// The problem carried by `error`, if it is one of ours.
        static func carried(by error: any Error) -> Problem? {
            if let problem = error as? Problem { return problem }
            guard let decodingError = error as? DecodingError else { return nil }
            return context(of: decodingError)?.underlyingError as? Problem
        }

        /// The context of any `DecodingError`.
        static func context(of error: DecodingError) -> DecodingError.Context? {
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context),
                 .keyNotFound(_, let context), .dataCorrupted(let context):
                return context
            @unknown default:
                return nil
            }
        }

        /// A type mismatch carrying this problem.
        func typeMismatch(_ type: Any.Type) -> DecodingError {
            .typeMismatch(type, context)
        }

        /// A missing value carrying this problem.
        func valueNotFound(_ type: Any.Type) -> DecodingError {
            .valueNotFound(type, context)
        }

        /// A missing key carrying this problem.
        func keyNotFound(_ key: String, in mappingPath: FieldPath) -> DecodingError {
            .keyNotFound(
                PathKey(key: key),
                DecodingError.Context(codingPath: mappingPath.codingKeys, debugDescription: message, underlyingError: self)
            )
        }

        /// Corrupt data carrying this problem.
        func dataCorrupted() -> DecodingError {
            .dataCorrupted(context)
        }

        /// `error` with the same case and coding path, carrying this problem.
        func replacingProblem(in error: DecodingError) -> DecodingError {
            switch error {
            case .typeMismatch(let type, let old):
                return .typeMismatch(type, rebuilt(old))
            case .valueNotFound(let type, let old):
                return .valueNotFound(type, rebuilt(old))
            case .keyNotFound(let key, let old):
                return .keyNotFound(key, rebuilt(old))
            case .dataCorrupted(let old):
                return .dataCorrupted(rebuilt(old))
            @unknown default:
                return dataCorrupted()
            }
        }

        private var context: DecodingError.Context {
            DecodingError.Context(codingPath: path.codingKeys, debugDescription: message, underlyingError: self)
        }

        private func rebuilt(_ old: DecodingError.Context) -> DecodingError.Context {
            DecodingError.Context(codingPath: old.codingPath, debugDescription: message, underlyingError: self)
        }
    }
}

/// A coding key for a field path component: a mapping key or a list index.
struct PathKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    let isIndex: Bool

    init(key: String) {
        stringValue = key
        intValue = nil
        isIndex = false
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
        isIndex = true
    }

    init?(stringValue: String) {
        self.init(key: stringValue)
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }
}

extension FieldPath {
    /// The path as a `Decoder` coding path.
    var codingKeys: [any CodingKey] {
        components.map { component in
            switch component {
            case .key(let key): return PathKey(key: key)
            case .index(let index): return PathKey(index: index)
            }
        }
    }

    /// The field path of a coding path: list positions from our containers become indices.
    init(codingPath: [any CodingKey]) {
        self.init(codingPath.map { key in
            if let pathKey = key as? PathKey, pathKey.isIndex, let index = pathKey.intValue {
                return .index(index)
            }
            return .key(key.stringValue)
        })
    }

    /// Whether `prefix` is a prefix of this path.
    func hasPrefix(_ prefix: FieldPath) -> Bool {
        components.starts(with: prefix.components)
    }
}
