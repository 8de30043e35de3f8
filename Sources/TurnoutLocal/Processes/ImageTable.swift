/// What to run for a container that names an image but no command: image reference → argument-vector prefix.
///
/// A key matches an image exactly (`myorg/app:v2`) or, without a tag, every tag of a repository
/// (`argoproj/rollouts-demo`). Registry prefixes `docker.io/` and `docker.io/library/` are ignored on both sides.
/// The prefix is expanded like a command (`$(VAR)`), with `TURNOUT_IMAGE` (the image reference) and
/// `TURNOUT_IMAGE_TAG` (its tag, `latest` when it has none) defined besides the container's environment.
public struct ImageTable: Sendable, Hashable {
    /// The entries, by image reference or repository.
    public var entries: [String: [String]]

    /// Creates a table from `images:` entries of the runtime configuration.
    public init(_ entries: [String: [String]] = [:]) {
        self.entries = entries
    }

    /// The built-in table: `argoproj/rollouts-demo:<color>` runs `turnoutBinary demo-app --color <color>`;
    /// `nginx` and `httpd` run `turnoutBinary serve-files` on their document roots.
    public static func builtIn(turnoutBinary: String) -> ImageTable {
        ImageTable([
            "argoproj/rollouts-demo": [turnoutBinary, "demo-app", "--color", "$(\(ImageReference.tagVariable))"],
            "nginx": [turnoutBinary, "serve-files", "--root", "/usr/share/nginx/html", "--title", "$(\(ImageReference.imageVariable))"],
            "httpd": [turnoutBinary, "serve-files", "--root", "/usr/local/apache2/htdocs", "--title", "$(\(ImageReference.imageVariable))"],
        ])
    }

    /// This table with `other`'s entries added, `other` winning where both name the same key.
    public func merging(_ other: ImageTable) -> ImageTable {
        ImageTable(entries.merging(other.entries) { _, new in new })
    }

    /// The prefix for `image`, unexpanded: an exact entry first, else the entry for its repository, else (for an
    /// image from another registry, such as `registry:5000/nginx:1.7.9`) the same two without the registry;
    /// `nil` when none.
    public func prefix(for image: String) -> [String]? {
        let normalized = Dictionary(entries.map { (ImageReference.normalize($0.key), $0.value) }) { first, _ in first }
        let reference = ImageReference(image)
        if let prefix = normalized[reference.normalized] ?? normalized[reference.repository] { return prefix }
        guard let withoutRegistry = reference.withoutRegistry else { return nil }
        return normalized[withoutRegistry.normalized] ?? normalized[withoutRegistry.repository]
    }
}
