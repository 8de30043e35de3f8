import Yams

extension NodeDecoder {
    /// Decodes the elements of a list in order.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let session: Session
        let node: Node
        let elements: [Node]
        let path: FieldPath
        /// The state nodes decoded through nested containers join.
        let state: NodeState
        private(set) var currentIndex = 0

        init(session: Session, node: Node, elements: [Node], path: FieldPath, state: NodeState) {
            self.session = session
            self.node = node
            self.elements = elements
            self.path = path
            self.state = state
        }

        var codingPath: [any CodingKey] { path.codingKeys }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        mutating func decodeNil() throws -> Bool {
            let element = try current(as: Never?.self)
            guard ScalarShape.isNull(element) else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let element = try current(as: type)
            let value = try session.unbox(type, from: element, path: path.appending(index: currentIndex), state: nil)
            currentIndex += 1
            return value
        }

        mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
            guard !isAtEnd else { return nil }
            let element = elements[currentIndex]
            let elementPath = path.appending(index: currentIndex)
            currentIndex += 1
            guard !ScalarShape.isNull(element) else { return nil }
            do {
                return try session.unbox(type, from: element, path: elementPath, state: nil)
            } catch {
                session.recordFailure(error, at: element, path: elementPath)
                return nil
            }
        }

        mutating func decodeIfPresent(_ type: Bool.Type) throws -> Bool? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: String.Type) throws -> String? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Double.Type) throws -> Double? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Float.Type) throws -> Float? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Int.Type) throws -> Int? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Int8.Type) throws -> Int8? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Int16.Type) throws -> Int16? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Int32.Type) throws -> Int32? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: Int64.Type) throws -> Int64? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: UInt.Type) throws -> UInt? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: UInt8.Type) throws -> UInt8? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: UInt16.Type) throws -> UInt16? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: UInt32.Type) throws -> UInt32? { try decodeOptional(type) }
        mutating func decodeIfPresent(_ type: UInt64.Type) throws -> UInt64? { try decodeOptional(type) }

        private mutating func decodeOptional<T: Decodable>(_ type: T.Type) throws -> T? {
            try decodeIfPresent(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let element = try current(as: [String: String].self)
            let child = NodeState()
            let frame = try child.frame(for: element, path: path.appending(index: currentIndex), session: session)
            state.children.append(child)
            currentIndex += 1
            return KeyedDecodingContainer(KeyedContainer<NestedKey>(session: session, frame: frame, state: child))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let element = try current(as: [String].self)
            let elementPath = path.appending(index: currentIndex)
            guard case .sequence(let sequence) = element else {
                throw session.fail(.list, element, elementPath, as: [String].self)
            }
            currentIndex += 1
            return UnkeyedContainer(session: session, node: element, elements: Array(sequence), path: elementPath, state: state)
        }

        mutating func superDecoder() throws -> any Decoder {
            let element = try current(as: Never?.self)
            let child = NodeState()
            state.children.append(child)
            let decoder = ValueDecoder(node: element, path: path.appending(index: currentIndex), session: session, state: child)
            currentIndex += 1
            return decoder
        }

        /// The element at the current index, or a "no more items" error.
        private func current<T>(as type: T.Type) throws -> Node {
            guard !isAtEnd else {
                throw Problem(
                    mark: node.mark,
                    path: path,
                    message: "expected at least \(currentIndex + 1) list items, got \(elements.count)"
                ).valueNotFound(type)
            }
            return elements[currentIndex]
        }
    }
}
