import Foundation
import Hummingbird

extension DemoApplication {
    /// The largest `PUT /faults` body read.
    static let maximumFaultsBodyBytes = 16 * 1024

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in self.page() }
        router.get("/color") { _, _ in try await self.color() }
        router.get("/healthz") { _, _ in Self.text("ok") }
        router.get("/faults") { _, _ in Self.json(self.injector.faults) }
        router.put("/faults") { request, _ in try await self.updateFaults(request) }
    }

    private func page() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DemoPage.html)))
    }

    private func color() async throws -> Response {
        let outcome = injector.next()
        if outcome.delay > .zero { try await Task.sleep(for: outcome.delay) }
        let color = configuration.color.value
        guard outcome.isFailure else { return Self.json(ColorReply(color: color)) }
        let rate = injector.faults.errorRate
        return Self.json(ColorReply(color: color, error: "injected failure (error rate \(rate))"), status: .internalServerError)
    }

    private func updateFaults(_ request: Request) async throws -> Response {
        if configuration.requiresToken, !isAuthorized(request) {
            var response = Self.json(
                ErrorReply(error: "set faults: send Authorization: Bearer <\(DemoConfiguration.tokenVariable)>"),
                status: .unauthorized
            )
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumFaultsBodyBytes)
        let update: FaultsUpdate
        do {
            update = try JSONDecoder().decode(FaultsUpdate.self, from: Data(body.readableBytesView))
        } catch {
            let example = #"{"errorRate":0.2,"latencyMs":50}"#
            return Self.json(ErrorReply(error: "set faults: the body is not JSON like \(example)"), status: .badRequest)
        }
        do {
            let faults = try injector.update(update)
            logger.info(
                "faults changed",
                metadata: ["demo.errorRate": "\(faults.errorRate)", "demo.latencyMs": "\(faults.latencyMs)"]
            )
            return Self.json(faults)
        } catch {
            return Self.json(ErrorReply(error: error.description), status: .badRequest)
        }
    }

    private func isAuthorized(_ request: Request) -> Bool {
        guard let token = configuration.token, !token.isEmpty,
              let header = request.headers[.authorization], header.hasPrefix("Bearer ")
        else { return false }
        let offered = Array(header.dropFirst("Bearer ".count).utf8)
        let expected = Array(token.utf8)
        guard offered.count == expected.count else { return false }
        return zip(offered, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"encode response"}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
