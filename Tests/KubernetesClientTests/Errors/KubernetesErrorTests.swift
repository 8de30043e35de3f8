import Testing

@testable import KubernetesClient

@Suite struct KubernetesErrorTests {
    enum Kind: String, Sendable {
        case badRequest, unauthorized, forbidden, notFound, alreadyExists, conflict, gone, invalid, tooManyRequests
        case serverError, unexpectedStatus
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var code: Int
        var retryAfter: String?
        var body: String
        var kind: Kind
        var isRetryable: Bool
        var message: String
        var testDescription: String { "\(code) \(kind)" }
    }

    static let action = KubernetesAction(verb: "patch", resource: .services, namespace: "default", name: "web")

    /// Bodies as kube-apiserver sends them.
    static let cases: [Case] = [
        Case(
            code: 404, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"services \"web\" not found","reason":"NotFound","details":{"name":"web","kind":"services"},"code":404}"#,
            kind: .notFound, isRetryable: false,
            message: #"patch services default/web: 404 Not Found: services "web" not found"#),
        Case(
            code: 409, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"services \"web\" already exists","reason":"AlreadyExists","details":{"name":"web","kind":"services"},"code":409}"#,
            kind: .alreadyExists, isRetryable: false,
            message: #"patch services default/web: 409 Conflict: services "web" already exists"#),
        Case(
            code: 409, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on services \"web\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"web","kind":"services"},"code":409}"#,
            kind: .conflict, isRetryable: false,
            message: #"patch services default/web: 409 Conflict: Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again"#),
        Case(
            code: 422, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Service \"web\" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive","reason":"Invalid","details":{"name":"web","kind":"Service","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: 0: must be between 1 and 65535, inclusive","field":"spec.ports[0].port"}]},"code":422}"#,
            kind: .invalid, isRetryable: false,
            message: #"patch services default/web: 422 Unprocessable Entity: Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"#),
        Case(
            code: 429, retryAfter: "3",
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too many requests, please try again later.","reason":"TooManyRequests","details":{"retryAfterSeconds":1},"code":429}"#,
            kind: .tooManyRequests, isRetryable: true,
            message: "patch services default/web: 429 Too Many Requests: Too many requests, please try again later. (retry after 3s)"),
        Case(
            code: 410, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{"continue":"x"},"status":"Failure","message":"The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.","reason":"Expired","code":410}"#,
            kind: .gone, isRetryable: false,
            message: "patch services default/web: 410 Gone: The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."),
        Case(
            code: 401, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#,
            kind: .unauthorized, isRetryable: false, message: "patch services default/web: 401 Unauthorized: Unauthorized"),
        Case(
            code: 403, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"services \"web\" is forbidden: User \"system:serviceaccount:default:turnout\" cannot patch resource \"services\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"name":"web","kind":"services"},"code":403}"#,
            kind: .forbidden, isRetryable: false,
            message: #"patch services default/web: 403 Forbidden: services "web" is forbidden: User "system:serviceaccount:default:turnout" cannot patch resource "services" in API group "" in the namespace "default""#),
        Case(
            code: 400, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"unable to parse requirement: invalid label key \"a b\"","reason":"BadRequest","code":400}"#,
            kind: .badRequest, isRetryable: false,
            message: #"patch services default/web: 400 Bad Request: unable to parse requirement: invalid label key "a b""#),
        Case(
            code: 500, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: resource quota evaluation timed out","reason":"InternalError","details":{"causes":[{"message":"resource quota evaluation timed out"}]},"code":500}"#,
            kind: .serverError, isRetryable: true,
            message: "patch services default/web: 500 Internal Server Error: Internal error occurred: resource quota evaluation timed out"),
        Case(
            code: 504, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Timeout: request did not complete within requested timeout - context deadline exceeded","reason":"Timeout","details":{},"code":504}"#,
            kind: .serverError, isRetryable: true,
            message: "patch services default/web: 504 Gateway Timeout: Timeout: request did not complete within requested timeout - context deadline exceeded"),
        Case(
            code: 503, retryAfter: "5", body: "<html><body>upstream connect error</body></html>\n",
            kind: .serverError, isRetryable: true,
            message: "patch services default/web: 503 Service Unavailable: <html><body>upstream connect error</body></html> (retry after 5s)"),
        Case(
            code: 415, retryAfter: nil,
            body: #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml","reason":"UnsupportedMediaType","code":415}"#,
            kind: .unexpectedStatus, isRetryable: false,
            message: "patch services default/web: 415 Unsupported Media Type: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
        Case(
            code: 501, retryAfter: nil, body: "", kind: .serverError, isRetryable: false,
            message: "patch services default/web: 501 Not Implemented"),
    ]

    static func kind(of error: KubernetesError) -> Kind? {
        switch error {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .conflict: .conflict
        case .gone: .gone
        case .invalid: .invalid
        case .tooManyRequests: .tooManyRequests
        case .serverError: .serverError
        case .unexpectedStatus: .unexpectedStatus
        case .transport, .undecodableResponse, .credentials: nil
        }
    }

    @Test(arguments: cases)
    func classifiesStatusBodies(_ testCase: Case) {
        let error = KubernetesError.refusal(
            action: Self.action, code: testCase.code, retryAfterHeader: testCase.retryAfter, body: Array(testCase.body.utf8))
        #expect(Self.kind(of: error) == testCase.kind)
        #expect(error.isRetryable == testCase.isRetryable)
        #expect(error.description == testCase.message)
        #expect(error.action == Self.action)
        #expect(error.failure?.code == testCase.code)
    }

    @Test func invalidCarriesTheFieldsAtFault() throws {
        let error = KubernetesError.refusal(
            action: Self.action, code: 422, retryAfterHeader: nil, body: Array(Self.cases[3].body.utf8))
        let failure = try #require(error.failure)
        #expect(failure.reason == "Invalid")
        #expect(failure.causes == [
            APIStatus.Cause(
                reason: "FieldValueInvalid", message: "Invalid value: 0: must be between 1 and 65535, inclusive",
                field: "spec.ports[0].port")
        ])
    }

    @Test func retryAfterComesFromTheHeaderElseTheDetails() {
        let body = Array(Self.cases[4].body.utf8)
        let header = KubernetesError.refusal(action: Self.action, code: 429, retryAfterHeader: "3", body: body)
        #expect(header.retryAfter == .seconds(3))
        let details = KubernetesError.refusal(action: Self.action, code: 429, retryAfterHeader: nil, body: body)
        #expect(details.retryAfter == .seconds(1))
    }

    @Test func aWatchExpiryIsGoneWhateverTheCode() {
        let status = APIStatus(message: "too old resource version: 1 (5853)", reason: "Expired", code: 410)
        let action = KubernetesAction(verb: "watch", resource: .configMaps, namespace: "ns", name: nil)
        let error = KubernetesError(APIFailure(action: action, code: 410, status: status))
        #expect(Self.kind(of: error) == .gone)
        #expect(error.description == "watch configmaps in namespace ns: 410 Gone: too old resource version: 1 (5853)")
    }

    @Test(arguments: [
        (KubernetesError.transport(action, message: "connection refused"), true, "patch services default/web: no answer from the API server: connection refused"),
        (.undecodableResponse(action, message: "items: expected a list"), false, "patch services default/web: unreadable response: items: expected a list"),
        (.credentials(action, message: "run credential plugin x: exit status 1"), false, "patch services default/web: no credentials: run credential plugin x: exit status 1"),
    ])
    func failuresWithoutAnAnswer(error: KubernetesError, isRetryable: Bool, message: String) {
        #expect(error.isRetryable == isRetryable)
        #expect(error.description == message)
        #expect(error.failure == nil)
    }

    @Test(arguments: [
        (KubernetesAction(verb: "patch", resource: .services, namespace: "default", name: "web"), "patch services default/web"),
        (KubernetesAction(verb: "get", resource: .deployments, subresource: "scale", namespace: "ns", name: "app"), "get deployments.apps/scale ns/app"),
        (KubernetesAction(verb: "list", resource: .configMaps, namespace: "ns", name: nil), "list configmaps in namespace ns"),
        (KubernetesAction(verb: "list", resource: .pods, namespace: nil, name: nil), "list pods"),
        (KubernetesAction(verb: "delete", resource: .namespaces, namespace: nil, name: "ns"), "delete namespaces ns"),
        (KubernetesAction(verb: "discover", target: "/apis"), "discover /apis"),
    ])
    func actionsNameTheObject(action: KubernetesAction, text: String) {
        #expect(action.description == text)
    }
}
