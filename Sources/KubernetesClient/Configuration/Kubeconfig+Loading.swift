import Foundation
import Yams

extension Kubeconfig {
    /// Parses one kubeconfig document, resolving relative paths against `directory` (the file's folder).
    public static func parse(yaml: String, directory: String?, path: String = "<kubeconfig>") throws -> Kubeconfig {
        let file: KubeconfigFile
        do {
            guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return Kubeconfig() }
            file = try YAMLDecoder().decode(KubeconfigFile.self, from: yaml)
        } catch let error as KubeconfigError {
            throw error
        } catch let error as DecodingError {
            throw KubeconfigError.malformed(path: path, message: Self.describe(error))
        } catch {
            throw KubeconfigError.malformed(path: path, message: "\(error)")
        }
        return try file.kubeconfig(resolvingAgainst: directory, path: path)
    }

    /// Reads and parses the kubeconfig file at `path`.
    public static func load(path: String) throws -> Kubeconfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KubeconfigError.unreadableFile(path: path, message: Self.reason(error))
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, directory: directory, path: path)
    }

    /// Loads the files of a `KUBECONFIG`-style list and merges them: the first file to define a cluster,
    /// user or context (or `current-context`) wins. Files that do not exist are skipped, as kubectl does.
    public static func load(paths: [String]) throws -> Kubeconfig {
        var configs: [Kubeconfig] = []
        var seen: Set<String> = []
        for path in paths where !path.isEmpty && seen.insert(path).inserted {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            configs.append(try load(path: path))
        }
        return merged(configs)
    }

    /// The kubeconfig kubectl would use: the files of `KUBECONFIG` (`:`-separated) if it is set and
    /// non-empty, else `~/.kube/config`; `nil` when none of them exists.
    public static func loadDefault(environment: [String: String], homeDirectory: String?) throws -> Kubeconfig? {
        let paths: [String]
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            paths = list.split(separator: ":").map(String.init)
        } else if let home = homeDirectory ?? environment["HOME"] {
            paths = [URL(fileURLWithPath: home).appendingPathComponent(".kube/config").path]
        } else {
            paths = []
        }
        guard paths.contains(where: { FileManager.default.fileExists(atPath: $0) }) else { return nil }
        return try load(paths: paths)
    }

    /// Merges kubeconfigs in priority order: for every name (and `current-context`) the first one defining it wins.
    public static func merged(_ configs: [Kubeconfig]) -> Kubeconfig {
        var result = Kubeconfig()
        for config in configs {
            result.clusters.merge(config.clusters) { first, _ in first }
            result.users.merge(config.users) { first, _ in first }
            result.contexts.merge(config.contexts) { first, _ in first }
            if result.currentContext == nil || result.currentContext == "" {
                result.currentContext = config.currentContext
            }
        }
        if result.currentContext == "" { result.currentContext = nil }
        return result
    }

    /// A decoding error as "field.path: what is wrong".
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = path(context.codingPath)
            return at.isEmpty ? context.debugDescription : "\(at): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath + [key])
            return "\(at): required field missing"
        @unknown default:
            return "\(error)"
        }
    }

    /// The short reason an I/O error gives.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}

/// The kubeconfig file's YAML shape (named lists), before names become keys and paths are resolved.
struct KubeconfigFile: Decodable {
    var clusters: [Named<ClusterFields>]?
    var users: [Named<UserFields>]?
    var contexts: [Named<ContextFields>]?
    var currentContext: String?

    enum CodingKeys: String, CodingKey {
        case clusters, users, contexts
        case currentContext = "current-context"
    }

    struct Named<Value: Decodable>: Decodable {
        var name: String
        var value: Value?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: KubernetesJSONKey.self)
            name = try container.decode(String.self, forKey: KubernetesJSONKey(stringValue: "name"))
            let valueKey = container.allKeys.first { $0.stringValue != "name" && $0.stringValue != "extensions" }
            value = try valueKey.flatMap { try container.decodeIfPresent(Value.self, forKey: $0) }
        }
    }

    struct ClusterFields: Decodable {
        var server: String?
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?
        var tlsServerName: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
        }
    }

    struct UserFields: Decodable {
        var token: String?
        var tokenFile: String?
        var clientCertificate: String?
        var clientCertificateData: String?
        var clientKey: String?
        var clientKeyData: String?
        var username: String?
        var password: String?
        var exec: ExecFields?

        enum CodingKeys: String, CodingKey {
            case token, tokenFile, username, password, exec
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
        }
    }

    struct ExecFields: Decodable {
        var command: String
        var args: [String]?
        var env: [ExecConfig.EnvironmentVariable]?
        var apiVersion: String?
        var installHint: String?
        var provideClusterInfo: Bool?
    }

    struct ContextFields: Decodable {
        var cluster: String?
        var user: String?
        var namespace: String?
    }

    func kubeconfig(resolvingAgainst directory: String?, path: String) throws -> Kubeconfig {
        func resolve(_ file: String?) -> String? {
            guard let file, !file.isEmpty else { return nil }
            guard !file.hasPrefix("/"), let directory else { return file }
            return URL(fileURLWithPath: directory).appendingPathComponent(file).standardizedFileURL.path
        }
        func base64(_ text: String?, field: String) throws -> [UInt8]? {
            guard let text, !text.isEmpty else { return nil }
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw KubeconfigError.malformed(path: path, message: "\(field): not valid base64")
            }
            return [UInt8](data)
        }
        var config = Kubeconfig(currentContext: currentContext.flatMap { $0.isEmpty ? nil : $0 })
        for entry in clusters ?? [] where config.clusters[entry.name] == nil {
            let fields = entry.value
            config.clusters[entry.name] = Kubeconfig.Cluster(
                server: fields?.server ?? "",
                certificateAuthorityData: try base64(
                    fields?.certificateAuthorityData, field: "clusters.\(entry.name).certificate-authority-data"),
                certificateAuthority: resolve(fields?.certificateAuthority),
                insecureSkipTLSVerify: fields?.insecureSkipTLSVerify ?? false,
                tlsServerName: fields?.tlsServerName.flatMap { $0.isEmpty ? nil : $0 })
        }
        for entry in users ?? [] where config.users[entry.name] == nil {
            let fields = entry.value
            let exec = fields?.exec.map { exec in
                ExecConfig(
                    command: exec.command.contains("/") ? resolve(exec.command) ?? exec.command : exec.command,
                    args: exec.args ?? [], env: exec.env ?? [],
                    apiVersion: exec.apiVersion ?? "client.authentication.k8s.io/v1",
                    installHint: exec.installHint, provideClusterInfo: exec.provideClusterInfo ?? false)
            }
            config.users[entry.name] = Kubeconfig.User(
                token: fields?.token.flatMap { $0.isEmpty ? nil : $0 },
                tokenFile: resolve(fields?.tokenFile),
                clientCertificateData: try base64(
                    fields?.clientCertificateData, field: "users.\(entry.name).client-certificate-data"),
                clientCertificate: resolve(fields?.clientCertificate),
                clientKeyData: try base64(fields?.clientKeyData, field: "users.\(entry.name).client-key-data"),
                clientKey: resolve(fields?.clientKey),
                username: fields?.username, password: fields?.password, exec: exec)
        }
        for entry in contexts ?? [] where config.contexts[entry.name] == nil {
            config.contexts[entry.name] = Kubeconfig.Context(
                cluster: entry.value?.cluster ?? "", user: entry.value?.user.flatMap { $0.isEmpty ? nil : $0 },
                namespace: entry.value?.namespace.flatMap { $0.isEmpty ? nil : $0 })
        }
        return config
    }
}
