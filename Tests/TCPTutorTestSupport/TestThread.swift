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

/// A connected pair of Unix stream sockets, as the class server makes for each tutor it starts.
public enum SocketPair {
    public static func make() throws -> (tutor: Int32, server: Int32) {
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (ends[0], ends[1])
    }
}
