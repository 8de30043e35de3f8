/// `POST /api/v1/apply`: the manifest files to create or update, all or nothing.
public struct ApplyRequest: Sendable, Codable, Hashable {
    /// The files, in the order given.
    public var files: [ManifestFile]

    /// Creates a request.
    public init(files: [ManifestFile]) {
        self.files = files
    }
}
