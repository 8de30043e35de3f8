import Yams

extension NodeDecoder {
    /// Decodes the node itself. Decoding the same node again after a failed attempt (as
    /// "try an integer, else a string" types do) withdraws what the failed attempt recorded.
    struct SingleValueContainer: SingleValueDecodingContainer {
        let decoder: ValueDecoder

        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool {
            ScalarShape.isNull(decoder.node)
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let session = decoder.session
            let state = decoder.state
            let start = session.checkpoint
            do {
                let value = try session.unbox(type, from: decoder.node, path: decoder.path, state: state)
                session.retract(state.failedAttempts)
                state.failedAttempts = []
                return value
            } catch {
                state.failedAttempts.append(start..<session.checkpoint)
                throw error
            }
        }

        func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
        func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
        func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
        func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
        func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }

        private func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
            try decode(type)
        }
    }
}
