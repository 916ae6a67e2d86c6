import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a body on a thread of its own; `join` waits for it and returns what it returned. For tests where two
/// ends of a link talk, each blocking on its own reads.
public final class TestThread<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result?

    public init(_ body: @escaping @Sendable () -> Result) {
        Thread { [self] in
            let value = body()
            lock.withLock { result = value }
            done.signal()
        }.start()
    }

    @discardableResult
    public func join() -> Result {
        done.wait()
        return lock.withLock { result! }
    }
}
