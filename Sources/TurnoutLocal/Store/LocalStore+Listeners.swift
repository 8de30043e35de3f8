import GRDB

extension LocalStore {
    /// Remembers where a listener was bound, replacing what was remembered for its name.
    public func rememberListener(named name: String, host: String, port: Int) throws {
        try write("remember address of listener \(name)") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO listener (name, host, port) VALUES (?, ?, ?)", arguments: [name, host, port])
        }
    }

    /// Where a listener was last bound, if it ever was.
    public func rememberedListener(named name: String) throws -> (host: String, port: Int)? {
        try read("read address of listener \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT host, port FROM listener WHERE name = ?", arguments: [name]).map { ($0["host"], $0["port"]) }
        }
    }
}
