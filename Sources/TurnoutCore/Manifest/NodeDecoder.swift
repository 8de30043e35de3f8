import Yams

/// Decodes `Decodable` model types from YAML nodes and reports every problem as a
/// diagnostic instead of stopping at the first.
///
/// Rules, in short:
/// - Mapping keys match exactly; a key that differs only in case is accepted with a warning.
/// - Keys the model never asks for are reported as unknown fields (warnings), with a
///   "did you mean" fix when an asked-for, missing key is close.
/// - Integers accept only plain YAML integers, numbers plain integers and floats, booleans
///   plain YAML 1.1 booleans; strings accept any non-null scalar. Null counts as absent.
/// - A failure inside `decodeIfPresent` (however deep) is recorded once and yields nil, so
///   decoding goes on; a failure inside `decode` propagates to the nearest such boundary.
/// - Each failing list element is reported (the list as a whole then fails once, silently).
/// - Merge keys (`<<: *base`) are applied; explicit keys win over merged ones.
public struct NodeDecoder: Sendable {
    /// The file name written into diagnostics.
    public let file: String

    /// Creates a decoder whose diagnostics name `file`.
    public init(file: String) {
        self.file = file
    }

    /// Decodes `type` from `node`; `path` prefixes every diagnostic's field path.
    /// The value is nil when decoding failed; the diagnostics say why.
    public func decode<T: Decodable>(
        _ type: T.Type,
        from node: Yams.Node,
        at path: FieldPath = []
    ) -> (value: T?, diagnostics: [Diagnostic]) {
        let session = Session(file: file, prefix: path)
        let value = session.decodeRoot(type, from: node)
        return (value, session.finishedDiagnostics())
    }

    /// The deepest nesting of decode calls before decoding stops with an error.
    static let maximumDepth = 320
}
