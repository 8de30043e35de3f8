/// A validated route table with its upstreams resolved, numbered so every loop installs tables in order.
final class InstalledTable: Sendable {
    /// Increases with every install; a loop ignores a table older than the one it has.
    let generation: UInt64
    /// The table as given.
    let table: RouteTable
    /// The shared upstream objects for every address the table names.
    let upstreams: [UpstreamAddress: Upstream]

    /// Creates an installed table.
    init(generation: UInt64, table: RouteTable, upstreams: [UpstreamAddress: Upstream]) {
        self.generation = generation
        self.table = table
        self.upstreams = upstreams
    }
}
