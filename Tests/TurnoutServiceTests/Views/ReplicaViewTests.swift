import Foundation
import Testing
import TurnoutService

@Suite struct ReplicaViewTests {
    static func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    @Test func aProcessKeepsTheKeysSingleHostAnswersAlwaysHad() throws {
        let process = ReplicaView(index: 0, address: "127.0.0.1:50011", pid: 4242, isReady: true, isTerminating: false, restarts: 1)
        #expect(process.kind == .process)
        #expect(try Self.keys(process) == ["kind", "index", "address", "pid", "isReady", "isTerminating", "restarts"])
    }

    @Test func aPodHasANameAndANodeButNoPid() throws {
        let pod = ReplicaView(kind: .pod, index: 1, name: "web-6cf78c66c5-x7k2p", address: "10.0.0.7:8080", node: "worker-1",
                              isReady: true, isTerminating: false, restarts: 0)
        #expect(try Self.keys(pod) == ["kind", "index", "name", "address", "node", "isReady", "isTerminating", "restarts"])
        let decoded = try JSONDecoder().decode(ReplicaView.self, from: try JSONEncoder().encode(pod))
        #expect(decoded == pod)
    }

    @Test func anAnswerWithoutAKindIsAProcess() throws {
        let json = #"{"index":2,"address":"127.0.0.1:50002","pid":4002,"isReady":false,"isTerminating":true,"restarts":3}"#
        let replica = try JSONDecoder().decode(ReplicaView.self, from: Data(json.utf8))
        #expect(replica == ReplicaView(index: 2, address: "127.0.0.1:50002", pid: 4002, isReady: false, isTerminating: true, restarts: 3))
    }

    @Test func anUnknownKindIsRejected() {
        let json = #"{"kind":"VirtualMachine","index":0,"isReady":true,"isTerminating":false,"restarts":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReplicaView.self, from: Data(json.utf8)) }
    }
}
