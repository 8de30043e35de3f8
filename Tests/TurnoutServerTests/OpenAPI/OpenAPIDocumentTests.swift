import Foundation
import Testing
import TurnoutCore
import TurnoutService
@testable import TurnoutServer
import TurnoutServiceFixtures

@Suite("OpenAPIDocument")
struct OpenAPIDocumentTests {
    /// `METHOD /path` of every operation in a document.
    static func operations(_ document: JSONValue) -> Set<String> {
        var operations: Set<String> = []
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for method in item.objectValue?.keys ?? [:].keys {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func listsEveryServedRoute() async throws {
        let router = try APIServer(service: FakeRuntimeService(), configuration: APIServerConfiguration(port: 0)).makeRouter()
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        #expect(served.count == APIEndpoint.all.count)
        try await withLiveServer { server, _, _ in
            let (status, body) = try await rawRequest("GET", server.url + "/openapi.json")
            #expect(status == 200)
            let document = try JSONDecoder().decode(JSONValue.self, from: body)
            #expect(document["openapi"]?.stringValue == "3.1.0")
            #expect(Self.operations(document) == served)
        }
    }

    @Test func everyReferencedSchemaExists() throws {
        let document = OpenAPIDocument.make()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(document)
        let text = String(decoding: data, as: UTF8.self)
        let schemas = Set(document["components"]?["schemas"]?.objectValue?.keys.map { $0 } ?? [])
        let references = text.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!references.isEmpty)
        for reference in references {
            #expect(schemas.contains(reference), "missing schema \(reference)")
        }
    }

    /// A process, a pod and a listener as the API encodes them, with the schema that documents each.
    static let encodedViews: [(String, any Encodable & Sendable)] = [
        ("ReplicaView", ReplicaView(index: 0, address: "127.0.0.1:50011", pid: 4242, isReady: true, isTerminating: false, restarts: 0)),
        ("ReplicaView", ReplicaView(kind: .pod, index: 0, name: "web-x7k2p", address: "10.0.0.7:8080", node: "worker-1", isReady: true, isTerminating: false, restarts: 0)),
        ("ReplicaView", ReplicaView(kind: .pod, index: 0, name: "web-x7k2p", address: nil, isReady: false, isTerminating: false, restarts: 0)),
        ("ListenerView", ListenerView(name: "service/web", address: "127.0.0.1:8080")),
    ]

    @Test(arguments: 0..<encodedViews.count)
    func theSchemasDescribeTheEncodedKeys(index: Int) throws {
        let (name, value) = Self.encodedViews[index]
        let schema = try #require(OpenAPIDocument.make()["components"]?["schemas"]?[name])
        let properties = Set(schema["properties"]?.objectValue?.keys.map { $0 } ?? [])
        let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
        let keys = Set(encoded.keys)
        #expect(keys.isSubset(of: properties), "\(name): undocumented \(keys.subtracting(properties).sorted())")
        #expect(required.isSubset(of: keys), "\(name): required but absent \(required.subtracting(keys).sorted())")
    }

    @Test func operationIDsAreUnique() {
        let ids = APIEndpoint.all.map(\.operationID)
        #expect(Set(ids).count == ids.count)
        #expect(APIEndpoint.operate(.setImage).operationID == "setImageRollout")
    }
}
