import Yams

extension NodeDecoder {
    /// The `Swift.Decoder` for one node occurrence.
    final class ValueDecoder: Decoder {
        let node: Node
        let path: FieldPath
        let session: Session
        let state: NodeState

        init(node: Node, path: FieldPath, session: Session, state: NodeState) {
            self.node = node
            self.path = path
            self.session = session
            self.state = state
        }

        var codingPath: [any CodingKey] { path.codingKeys }

        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            let frame = try state.frame(for: node, path: path, session: session)
            return KeyedDecodingContainer(KeyedContainer<Key>(session: session, frame: frame, state: state))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .sequence(let sequence) = node else {
                throw session.fail(.list, node, path, as: [String].self)
            }
            return UnkeyedContainer(session: session, node: node, elements: Array(sequence), path: path, state: state)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueContainer(decoder: self)
        }

        /// The node as a `JSONValue`; every key of this mapping counts as used.
        func decodeJSONValue() throws -> JSONValue {
            state.frame?.markAllUsed()
            let value = try session.jsonValue(from: node, path: path)
            return value
        }

        /// Records a diagnostic about the node being decoded.
        func report(_ severity: Diagnostic.Severity, _ message: String, fix: String?) {
            session.record(severity, at: node.mark, path: path, message: message, fix: fix)
        }

        /// Where the node being decoded starts.
        var location: SourceLocation {
            YAMLSource.location(of: node.mark, file: session.file)
        }
    }
}

extension Decoder {
    /// Records a warning about the value being decoded, when decoding with `NodeDecoder`;
    /// does nothing with any other decoder.
    public func reportWarning(_ message: String, fix: String? = nil) {
        (self as? NodeDecoder.ValueDecoder)?.report(.warning, message, fix: fix)
    }

    /// Records an error about the value being decoded (the value still decodes), when
    /// decoding with `NodeDecoder`; does nothing with any other decoder.
    public func reportError(_ message: String, fix: String? = nil) {
        (self as? NodeDecoder.ValueDecoder)?.report(.error, message, fix: fix)
    }

    /// Where the value being decoded starts, when decoding with `NodeDecoder`; nil otherwise.
    public var sourceLocation: SourceLocation? {
        (self as? NodeDecoder.ValueDecoder)?.location
    }
}
