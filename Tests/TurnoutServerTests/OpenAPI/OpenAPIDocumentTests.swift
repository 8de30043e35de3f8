import Foundation
import Testing
import TurnoutCore
import TurnoutLocal
@testable import TurnoutServer

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

    @Test func operationIDsAreUnique() {
        let ids = APIEndpoint.all.map(\.operationID)
        #expect(Set(ids).count == ids.count)
        #expect(APIEndpoint.operate(.setImage).operationID == "setImageRollout")
    }
}
