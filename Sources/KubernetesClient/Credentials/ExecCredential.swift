import Foundation

/// What a credential plugin printed: a token and/or a client certificate, and when they expire.
public struct ExecCredential: Sendable, Hashable {
    /// The bearer token, if the plugin gave one.
    public var token: String?
    /// The client certificate and key, if the plugin gave them.
    public var clientCertificate: ClientCertificate?
    /// When the credential expires; `nil` means it is kept until the server refuses it.
    public var expiration: Date?

    /// Creates a credential.
    public init(token: String?, clientCertificate: ClientCertificate?, expiration: Date?) {
        self.token = token
        self.clientCertificate = clientCertificate
        self.expiration = expiration
    }

    /// Parses the `ExecCredential` JSON a plugin printed, checking it speaks the configured `apiVersion`.
    public static func parse(_ output: [UInt8], expectedAPIVersion: String, command: String) throws -> ExecCredential {
        struct Document: Decodable {
            var apiVersion: String?
            var kind: String?
            var status: Status?
            struct Status: Decodable {
                var token: String?
                var clientCertificateData: String?
                var clientKeyData: String?
                var expirationTimestamp: String?
            }
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(output))
        } catch {
            throw ExecCredentialError.malformedOutput(command: command, message: "not an ExecCredential JSON object")
        }
        guard document.kind == "ExecCredential" else {
            throw ExecCredentialError.malformedOutput(
                command: command, message: "kind is \(document.kind.map { "\"\($0)\"" } ?? "missing"), not ExecCredential")
        }
        guard document.apiVersion == expectedAPIVersion else {
            throw ExecCredentialError.malformedOutput(
                command: command,
                message: "apiVersion \(document.apiVersion ?? "missing") does not match \(expectedAPIVersion)")
        }
        guard let status = document.status else {
            throw ExecCredentialError.malformedOutput(command: command, message: "status is missing")
        }
        var certificate: ClientCertificate?
        switch (status.clientCertificateData, status.clientKeyData) {
        case (let cert?, let key?) where !cert.isEmpty && !key.isEmpty:
            certificate = ClientCertificate(certificatePEM: Array(cert.utf8), keyPEM: Array(key.utf8))
        case (nil, nil):
            certificate = nil
        case (.some, _), (_, .some):
            throw ExecCredentialError.malformedOutput(
                command: command, message: "status has only one of clientCertificateData and clientKeyData")
        }
        let token = status.token.flatMap { $0.isEmpty ? nil : $0 }
        guard token != nil || certificate != nil else {
            throw ExecCredentialError.malformedOutput(
                command: command, message: "status has neither a token nor a client certificate")
        }
        var expiration: Date?
        if let timestamp = status.expirationTimestamp, !timestamp.isEmpty {
            guard let date = parseTimestamp(timestamp) else {
                throw ExecCredentialError.malformedOutput(
                    command: command, message: "expirationTimestamp \"\(timestamp)\" is not an RFC 3339 time")
            }
            expiration = date
        }
        return ExecCredential(token: token, clientCertificate: certificate, expiration: expiration)
    }

    /// An RFC 3339 time, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

/// Why a credential plugin gave no credential.
public enum ExecCredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command is not on `PATH` (or the path does not exist).
    case commandNotFound(command: String, installHint: String?)
    /// The command could not be started.
    case launchFailed(command: String, message: String)
    /// The command exited with a non-zero status.
    case failed(command: String, status: Int32, stderr: String)
    /// The command's output is not a usable `ExecCredential`.
    case malformedOutput(command: String, message: String)

    /// The message naming the plugin and what went wrong.
    public var description: String {
        switch self {
        case .commandNotFound(let command, let hint):
            "run credential plugin \(command): command not found" + (hint.map { "\n\($0)" } ?? "")
        case .launchFailed(let command, let message): "run credential plugin \(command): \(message)"
        case .failed(let command, let status, let stderr):
            "run credential plugin \(command): exit status \(status)"
                + (stderr.isEmpty ? "" : ": \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        case .malformedOutput(let command, let message): "read credential plugin \(command) output: \(message)"
        }
    }
}
