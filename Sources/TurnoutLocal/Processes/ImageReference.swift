/// An image reference split into repository, tag and digest, e.g. `registry:5000/team/app:v2@sha256:…`.
public struct ImageReference: Sendable, Hashable {
    /// The variable holding the whole image reference while an image-table prefix is expanded.
    public static let imageVariable = "TURNOUT_IMAGE"
    /// The variable holding the image's tag while an image-table prefix is expanded.
    public static let tagVariable = "TURNOUT_IMAGE_TAG"

    /// The reference as written.
    public var text: String
    /// The repository without tag or digest, normalized (no `docker.io/` or `docker.io/library/`).
    public var repository: String
    /// The tag, if the reference has one.
    public var tag: String?
    /// The digest (`sha256:…`), if the reference has one.
    public var digest: String?

    /// Parses a reference; any text is accepted.
    public init(_ text: String) {
        self.text = text
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        repository = Self.normalize(String(rest))
    }

    /// The normalized reference: repository, then `:tag` and `@digest` when present.
    public var normalized: String {
        repository + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }

    /// The same reference without its registry host (a first component with `.` or `:`, or `localhost`);
    /// `nil` when it names none.
    public var withoutRegistry: ImageReference? {
        guard let slash = repository.firstIndex(of: "/") else { return nil }
        let host = repository[..<slash]
        guard host.contains(".") || host.contains(":") || host == "localhost" else { return nil }
        return ImageReference(String(text.drop { $0 != "/" }.dropFirst()))
    }

    /// The tag, `latest` when none is written.
    public var effectiveTag: String { tag ?? "latest" }

    /// A reference without Docker Hub's implicit registry prefixes.
    static func normalize(_ reference: String) -> String {
        for prefix in ["docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/"] where reference.hasPrefix(prefix) {
            return String(reference.dropFirst(prefix.count))
        }
        return reference
    }
}
