#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `posix_spawn` extensions the C library has but Swift's module map hides (they need `_GNU_SOURCE`), looked up at run time.
enum GNUSpawnExtensions {
    /// `posix_spawn_file_actions_addchdir_np`: change directory in the child; `nil` when the C library lacks it.
    static let addChangeDirectory: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? =
        symbol("posix_spawn_file_actions_addchdir_np")
    /// `posix_spawn_file_actions_addclosefrom_np`: close every descriptor from a number on; `nil` when the C library lacks it.
    static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        symbol("posix_spawn_file_actions_addclosefrom_np")

    /// The flag that starts the child in a new session (`POSIX_SPAWN_SETSID`), or in a new process group where there is none.
    static var newSessionFlag: Int16 {
        #if os(Linux)
        return 0x80
        #else
        return Int16(POSIX_SPAWN_SETSID)
        #endif
    }

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
