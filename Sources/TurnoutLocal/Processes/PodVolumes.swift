import TurnoutCore

/// A pod template's volumes on one host: an `emptyDir` is a directory of the replica's own (made when it starts,
/// removed when it ends), a `hostPath` is that path. A container's `volumeMounts` are applied by rewriting its
/// mount paths, wherever they start a path in its command, arguments, environment and working directory, to
/// those directories. Other volume kinds are left alone (their mount paths are not rewritten). Pure.
public struct PodVolumes: Sendable, Hashable {
    /// Where each volume lives on the host, by volume name.
    public var directories: [String: String]
    /// The `emptyDir` directories, which the replica creates.
    public var emptyDirectories: [String]

    /// No volumes: nothing is rewritten.
    public static let none = PodVolumes(directories: [:], emptyDirectories: [])

    private init(directories: [String: String], emptyDirectories: [String]) {
        self.directories = directories
        self.emptyDirectories = emptyDirectories
    }

    /// Reads the `volumes` of `spec`; `emptyDir` volumes go under `podDirectory`.
    public init(spec: PodSpec, podDirectory: String) {
        var directories: [String: String] = [:]
        var empty: [String] = []
        for volume in spec.otherFields["volumes"]?.arrayValue ?? [] {
            guard let name = volume["name"]?.stringValue, Self.isPlainName(name) else { continue }
            if volume["emptyDir"] != nil {
                let directory = "\(podDirectory)/volumes/\(name)"
                directories[name] = directory
                empty.append(directory)
            } else if let path = volume["hostPath"]?["path"]?.stringValue, !path.isEmpty {
                directories[name] = path
            }
        }
        self.directories = directories
        self.emptyDirectories = empty.sorted()
    }

    /// Mount path → host directory for the volumes `container` mounts (with `subPath` appended), longest path first.
    public func mounts(of container: Container) -> [(mountPath: String, directory: String)] {
        var mounts: [(String, String)] = []
        for mount in container.otherFields["volumeMounts"]?.arrayValue ?? [] {
            guard let name = mount["name"]?.stringValue, let directory = directories[name],
                  let mountPath = mount["mountPath"]?.stringValue, mountPath.hasPrefix("/") else { continue }
            let trimmed = mountPath.count > 1 && mountPath.hasSuffix("/") ? String(mountPath.dropLast()) : mountPath
            let subPath = mount["subPath"]?.stringValue ?? ""
            guard subPath.split(separator: "/").allSatisfy({ $0 != ".." }) else { continue }
            mounts.append((trimmed, subPath.isEmpty ? directory : "\(directory)/\(subPath)"))
        }
        return mounts.sorted { ($0.0.count, $1.0) > ($1.0.count, $0.0) }
    }

    /// `text` with each mount path that starts a path (at the start or after a character that cannot be part of
    /// a path, and followed by `/`, the end or such a character) replaced by its directory.
    public static func rewrite(_ text: String, mounts: [(mountPath: String, directory: String)]) -> String {
        guard !mounts.isEmpty else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        scan: while index < characters.count {
            if index == 0 || !isPathCharacter(characters[index - 1]) {
                for mount in mounts {
                    let path = Array(mount.mountPath)
                    let end = index + path.count
                    guard end <= characters.count, Array(characters[index..<end]) == path else { continue }
                    guard end == characters.count || characters[end] == "/" || !isPathCharacter(characters[end]) else { continue }
                    output += mount.directory
                    index = end
                    continue scan
                }
            }
            output.append(characters[index])
            index += 1
        }
        return output
    }

    /// Whether a volume name can be a directory name: not empty, no `/`, not `.` or `..` (Kubernetes allows DNS labels).
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }

    private static func isPathCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "._-/~+@%".contains(character)
    }
}
