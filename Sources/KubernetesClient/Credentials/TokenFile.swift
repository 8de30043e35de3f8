import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bearer token kept in a file, re-read whenever the file is replaced or rewritten (service-account
/// tokens are rotated by swapping symlinks, so the file is identified through them).
struct TokenFile: Sendable {
    /// The file's path.
    let path: String
    private var fingerprint: Fingerprint?
    private var token: String?

    init(path: String) {
        self.path = path
    }

    /// The token, read again if the file changed since the last read.
    mutating func current() throws -> String {
        let now = Self.fingerprint(of: path)
        if let token, let now, now == fingerprint { return token }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TokenFileError(path: path, message: Kubeconfig.reason(error))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw TokenFileError(path: path, message: "the file is empty") }
        token = trimmed
        fingerprint = now
        return trimmed
    }

    /// Forgets the cached token so the next use reads the file (after the server refused it).
    mutating func invalidate() {
        fingerprint = nil
        token = nil
    }

    /// What identifies one version of the file: device, inode, size and modification time, through symlinks.
    struct Fingerprint: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    static func fingerprint(of path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Fingerprint(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }
}

/// A token file that could not be read.
struct TokenFileError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "read token file \(path): \(message)" }
}
