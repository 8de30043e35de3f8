import Foundation

/// A late-bound reference, for callbacks created before the object they call.
final class Reference<Value: AnyObject & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private weak var stored: Value?

    /// The object, once set and while it lives.
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
