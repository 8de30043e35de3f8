/// One manifest file's text, with the name messages use for it.
public struct ManifestFile: Sendable, Codable, Hashable {
    /// The file name to use in messages (`FILE:LINE:COL`).
    public var file: String
    /// The YAML (one or more documents).
    public var manifest: String

    /// Creates a file.
    public init(file: String, manifest: String) {
        self.file = file
        self.manifest = manifest
    }
}
