import Yams

extension NodeDecoder {
    /// Decodes the fields of a mapping. `decode` throws; `decodeIfPresent` records a failure
    /// and returns nil so the rest of the document is still checked.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let session: Session
        let frame: MappingFrame
        /// The state that owns `frame`; nodes decoded through nested containers join it.
        let state: NodeState

        var codingPath: [any CodingKey] { frame.path.codingKeys }

        var allKeys: [Key] {
            frame.entries.compactMap { entry in entry.name.flatMap(Key.init(stringValue:)) }
        }

        func contains(_ key: Key) -> Bool {
            frame.lookup(key.stringValue, session: session) != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            ScalarShape.isNull(try entry(for: key).value)
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let value = try entry(for: key).value
            let start = session.checkpoint
            do {
                let decoded = try session.unbox(type, from: value, path: frame.path.appending(key.stringValue), state: nil)
                frame.attemptSucceeded(key.stringValue, session: session)
                return decoded
            } catch {
                frame.attemptFailed(key.stringValue, diagnostics: start..<session.checkpoint)
                throw error
            }
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let index = frame.lookup(key.stringValue, session: session) else { return nil }
            let value = frame.entries[index].value
            guard !ScalarShape.isNull(value) else { return nil }
            let path = frame.path.appending(key.stringValue)
            let start = session.checkpoint
            do {
                let decoded = try session.unbox(type, from: value, path: path, state: nil)
                frame.attemptSucceeded(key.stringValue, session: session)
                return decoded
            } catch {
                session.recordFailure(error, at: value, path: path)
                frame.attemptFailed(key.stringValue, diagnostics: start..<session.checkpoint)
                return nil
            }
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            let value = try entry(for: key).value
            let child = NodeState()
            let nestedFrame = try child.frame(for: value, path: frame.path.appending(key.stringValue), session: session)
            state.children.append(child)
            return KeyedDecodingContainer(KeyedContainer<NestedKey>(session: session, frame: nestedFrame, state: child))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            let value = try entry(for: key).value
            let path = frame.path.appending(key.stringValue)
            guard case .sequence(let sequence) = value else {
                throw session.fail(.list, value, path, as: [String].self)
            }
            return UnkeyedContainer(session: session, node: value, elements: Array(sequence), path: path, state: state)
        }

        func superDecoder() throws -> any Decoder {
            superDecoder(named: "super")
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            superDecoder(named: key.stringValue)
        }

        private func superDecoder(named name: String) -> any Decoder {
            let value: Node
            if let index = frame.lookup(name, session: session) {
                value = frame.entries[index].value
            } else {
                value = .scalar(Node.Scalar("", Tag(.null), .plain, frame.node.mark))
            }
            let child = NodeState()
            state.children.append(child)
            return ValueDecoder(node: value, path: frame.path.appending(name), session: session, state: child)
        }

        private func entry(for key: Key) throws -> MappingFrame.Entry {
            guard let index = frame.lookup(key.stringValue, session: session) else {
                throw frame.missingField(key.stringValue).keyNotFound(key.stringValue, in: frame.path)
            }
            return frame.entries[index]
        }

        // MARK: Concrete overloads (all route through the generic versions)

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, key) }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeOptional(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeOptional(type, key) }

        private func decodeValue<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try decode(type, forKey: key)
        }

        private func decodeOptional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            try decodeIfPresent(type, forKey: key)
        }
    }
}
