import Foundation
import Hummingbird
import TurnoutService

/// Builds the API's responses: JSON bodies with sorted keys, `ErrorResponse` for failures.
enum APIResponse {
    /// The encoder every JSON body uses.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A JSON response.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try makeEncoder().encode(value)
        } catch {
            return Self.error(.failed("encode the response: \(error)"))
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An `ErrorResponse` with the error's status.
    static func error(_ error: RuntimeServiceError) -> Response {
        json(error.response, status: HTTPResponse.Status(code: error.httpStatus))
    }

    /// An `ErrorResponse` with any status.
    static func error(_ message: String, status: HTTPResponse.Status) -> Response {
        json(ErrorResponse(error: message), status: status)
    }

    /// A plain-text response.
    static func text(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
