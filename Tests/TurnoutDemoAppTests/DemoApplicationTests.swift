import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
@testable import TurnoutDemoApp

struct DemoApplicationTests {
    private func makeDemo(
        color: String = "blue",
        host: String = "127.0.0.1",
        faults: Faults = .none,
        token: String? = nil
    ) throws -> DemoApplication {
        let configuration = DemoConfiguration(
            color: try #require(DemoColor(color)),
            address: ListenAddress(host: host, port: 0),
            faults: faults,
            token: token
        )
        var logger = Logger(label: "turnout.demo-app.test")
        logger.logLevel = .warning
        return try DemoApplication(configuration: configuration, logger: logger)
    }

    private func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    private func decode<Value: Decodable>(_ type: Value.Type, _ response: TestResponse) throws -> Value {
        try JSONDecoder().decode(type, from: Data(response.body.readableBytesView))
    }

    @Test func colorAnswersTheColourAsJSON() async throws {
        try await makeDemo(color: "#1E90FF").makeApplication().test(.router) { client in
            try await client.execute(uri: "/color", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body) == ##"{"color":"#1e90ff"}"##)
            }
        }
    }

    @Test(arguments: [0.0, 0.05, 0.2, 0.5, 1.0])
    func errorRateFailsThatShareOfRequests(rate: Double) async throws {
        let demo = try makeDemo(faults: Faults(errorRate: rate, latencyMs: 0))
        try await demo.makeApplication().test(.router) { client in
            var failures = 0
            for _ in 0..<100 {
                try await client.execute(uri: "/color", method: .get) { response in
                    let reply = try decode(ColorReply.self, response)
                    #expect(reply.color == "blue")
                    if response.status == .internalServerError {
                        failures += 1
                        #expect(reply.error != nil)
                    } else {
                        #expect(response.status == .ok)
                        #expect(reply.error == nil)
                    }
                }
            }
            #expect(abs(Double(failures) - rate * 100) <= 1)
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        let demo = try makeDemo(faults: Faults(errorRate: 0, latencyMs: 30))
        try await demo.makeApplication().test(.router) { client in
            let clock = ContinuousClock()
            let start = clock.now
            try await client.execute(uri: "/color", method: .get) { #expect($0.status == .ok) }
            #expect(clock.now - start >= .milliseconds(30))
        }
    }

    @Test func faultsAreSetAndReadAtRunTime() async throws {
        try await makeDemo().makeApplication().test(.router) { client in
            try await client.execute(uri: "/faults", method: .get) { response in
                let faults = try decode(Faults.self, response)
                #expect(faults == Faults.none)
            }
            let body = json(#"{"errorRate":0.2,"latencyMs":50}"#)
            let expected = try Faults(errorRate: 0.2, latencyMs: 50)
            try await client.execute(uri: "/faults", method: .put, body: body) { response in
                #expect(response.status == .ok)
                let faults = try decode(Faults.self, response)
                #expect(faults == expected)
            }
            try await client.execute(uri: "/faults", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"errorRate":0.2,"latencyMs":50}"#)
            }
            // A partial update keeps the fields it does not name.
            let partial = try Faults(errorRate: 0.2, latencyMs: 0)
            try await client.execute(uri: "/faults", method: .put, body: json(#"{"latencyMs":0}"#)) { response in
                let faults = try decode(Faults.self, response)
                #expect(faults == partial)
            }
            var failures = 0
            for _ in 0..<100 {
                try await client.execute(uri: "/color", method: .get) { response in
                    if response.status == .internalServerError { failures += 1 }
                }
            }
            #expect(failures == 20)
        }
    }

    @Test(arguments: [#"{"errorRate":1.5}"#, #"{"latencyMs":-1}"#, #"{"errorRate":"lots"}"#, "not json"])
    func badFaultsAreRefusedAndChangeNothing(body: String) async throws {
        try await makeDemo().makeApplication().test(.router) { client in
            try await client.execute(uri: "/faults", method: .put, body: json(body)) { response in
                #expect(response.status == .badRequest)
                let reply = try decode(ErrorReply.self, response)
                #expect(reply.error.hasPrefix("set faults:"))
            }
            try await client.execute(uri: "/faults", method: .get) { response in
                let faults = try decode(Faults.self, response)
                #expect(faults == Faults.none)
            }
        }
    }

    @Test func healthzAnswersOK() async throws {
        let demo = try makeDemo(faults: Faults(errorRate: 1, latencyMs: 0))
        try await demo.makeApplication().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func pageIsSelfContainedHTMLThatPollsColor() async throws {
        try await makeDemo().makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!doctype html>"))
                #expect(html.contains("new URL('color', document.baseURI)"))
                #expect(html.contains("fetch(COLOR_URL"))
                #expect(html.contains("const POLL_MS = 100;"))
                #expect(html.contains("const BAR_MS = 2000;"))
                #expect(html.contains("setInterval(poll, POLL_MS)"))
                #expect(html.contains("setInterval(commitBar, BAR_MS)"))
                #expect(!html.contains("http://") && !html.contains("https://"))
                #expect(!html.contains("<link") && !html.contains("<script src"))
            }
        }
    }

    @Test(arguments: [nil, ""] as [String?])
    func nonLoopbackWithoutTokenIsRefused(token: String?) throws {
        #expect(throws: DemoAppError.tokenRequired(host: "0.0.0.0")) {
            try makeDemo(host: "0.0.0.0", token: token)
        }
    }

    @Test func nonLoopbackRequiresTheBearerTokenToSetFaults() async throws {
        let demo = try makeDemo(host: "0.0.0.0", token: "s3cret")
        try await demo.makeApplication().test(.router) { client in
            let body = json(#"{"errorRate":1}"#)
            for authorization in [nil, "Bearer wrong!", "s3cret", "Basic s3cret"] as [String?] {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: "/faults", method: .put, headers: headers, body: body) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
            try await client.execute(uri: "/color", method: .get) { #expect($0.status == .ok) }
            let headers: HTTPFields = [.authorization: "Bearer s3cret"]
            try await client.execute(uri: "/faults", method: .put, headers: headers, body: body) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/color", method: .get) { #expect($0.status == .internalServerError) }
        }
    }

    @Test func loopbackNeedsNoToken() throws {
        let demo = try makeDemo(host: "127.0.0.1", token: nil)
        #expect(!demo.configuration.requiresToken)
    }

    @Test func servesOnPortZeroAndReportsTheBoundPort() async throws {
        let reported = Mutex<ListenAddress?>(nil)
        let application = try makeDemo().makeApplication { address in reported.withLock { $0 = address } }
        try await application.test(.live) { client in
            let port = try #require(client.port)
            #expect(port > 0)
            #expect(reported.withLock { $0 }?.port == port)
            try await client.execute(uri: "/color", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"color":"blue"}"#)
            }
        }
    }
}
