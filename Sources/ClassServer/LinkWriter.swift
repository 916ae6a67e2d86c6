import ClassLink
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sending side of one class link: a serial queue of its own writes each message whole, in order, on a
/// descriptor of its own (a duplicate of the link's), so that the thread reading the link and the relay never
/// wait for a tutor that does not read.
///
/// A tutor that does not read cannot make the server hold without bound what is sent to it: past `Limits` the
/// link is dead. A link is dead when a write fails, when more bytes wait for the tutor than `queuedBytes`, or when
/// one write has waited `stalled` for the tutor to read (the socket's send timeout, `SO_SNDTIMEO`). A dead link is
/// shut down (its tutor sees the link end, the thread reading it ends), `gone` is called once with the reason, and
/// nothing more is sent or queued.
final class LinkWriter: @unchecked Sendable {
    struct Limits: Sendable {
        /// The most bytes queued for the tutor and not yet taken by the socket.
        var queuedBytes: Int
        /// The longest one write may wait for the tutor to read.
        var stalled: Duration

        /// 4 MiB is some 100 000 follow steps (a class sends a few hundred): only a tutor that stopped reading
        /// gets that far behind, as it does when it waits 30 s with something to read.
        static let standard = Limits(queuedBytes: 4 << 20, stalled: .seconds(30))
    }

    private let queue: DispatchQueue
    private let connection: ClassLinkConnection
    private let limits: Limits
    private let lock = NSLock()
    /// Under `lock`: bytes handed to `send` and not yet written.
    private var queued = 0
    /// Under `lock`: no more is written (the link is dead or closed).
    private var dead = false
    /// Under `lock`: the descriptor is closed (or about to be), and no longer to be shut down.
    private var closed = false
    /// Under `lock`: what to do when the link turns out dead, dropped once called or closed.
    private var gone: (@Sendable (_ reason: String) -> Void)?

    /// Takes over `descriptor` (closed by `close`).
    init(descriptor: Int32, peer: String, limits: Limits = .standard) {
        queue = DispatchQueue(label: "class link to \(peer)")
        connection = ClassLinkConnection(descriptor: descriptor, peer: peer)
        self.limits = limits
        let (seconds, attoseconds) = limits.stalled.components
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        // The timeout belongs to the socket: the link's reading end shares it, and only ever reads.
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The bytes queued and not yet written (or dropped, once the link is dead).
    var waitingBytes: Int { lock.withLock { queued } }

    /// What to do when the link turns out dead, with why (set before anything is sent).
    func onGone(_ action: @escaping @Sendable (_ reason: String) -> Void) {
        lock.withLock { gone = action }
    }

    /// Queues `message`; a link already dead drops it, and one that would hold more than the limit dies.
    func send(_ message: ClassMessage) {
        let frame = message.frame()
        let admission: Admission = lock.withLock {
            guard !dead else { return .dropped }
            let waiting = queued + frame.count
            guard waiting <= limits.queuedBytes else { return .overflow(waiting) }
            queued = waiting
            return .queued
        }
        switch admission {
        case .dropped: return
        case .overflow(let waiting):
            die("the tutor left \(waiting) bytes unread, more than the \(limits.queuedBytes) a link may hold")
            return
        case .queued: break
        }
        queue.async { [self] in
            defer { lock.withLock { queued -= frame.count } }
            guard !lock.withLock({ dead }) else { return }
            do {
                try connection.send(frame: frame)
            } catch ClassLinkError.notRead {
                // The socket's send timeout is `limits.stalled`: the kernel measured the wait, not this thread.
                die("the tutor read nothing for \(limits.stalled)")
            } catch {
                die("\(error)")
            }
        }
    }

    /// What `send` does with a message: drop it (the link is dead), queue it, or find the link dead with it.
    private enum Admission {
        case dropped, queued
        case overflow(Int)
    }

    /// Closes the link once everything queued before has been sent.
    func close() {
        queue.async { [self] in
            lock.withLock {
                dead = true
                closed = true
                gone = nil
            }
            connection.close()
        }
    }

    /// The link is dead: shut down, so that a write waiting on it returns and the tutor and the link's reader see
    /// it end, and `gone` called on the writer's queue (never on the caller's, which may hold the class's lock).
    private func die(_ reason: String) {
        let action: (@Sendable (String) -> Void)? = lock.withLock {
            guard !dead else { return nil }
            dead = true
            // Under the lock: `close` cannot close the descriptor (and another file take its number) meanwhile.
            if !closed { _ = shutdown(connection.descriptor, Int32(SHUT_RDWR)) }
            defer { gone = nil }
            return gone
        }
        if let action { queue.async { action(reason) } }
    }
}
