#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One end of the class link over a connected stream socket (a socketpair the server made, or a Unix socket).
///
/// Used from one thread at a time. `request` sends a numbered message and blocks until the reply with the
/// same number comes, or the time is up: "every answer is committed to the store before the student's screen
/// accepts it". Unnumbered messages that arrive meanwhile (the instructor's step, the class ending) are kept
/// for `receive`, in order; a late reply to an earlier request that timed out is recognised by its number and
/// dropped, so it can never be taken for the answer to a later one.
public final class ClassLinkConnection {
    public let descriptor: Int32
    /// Who is at the other end, for errors: "the class server" on the tutor's side.
    public let peer: String
    private var decoder = FrameDecoder()
    private var pending: [ClassMessage] = []
    private var lastRequest: UInt32 = 0
    private var closedReason: String?

    /// Takes over `descriptor` (closed by `close()`).
    public init(descriptor: Int32, peer: String = "the class server") {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit { close() }

    /// Closes the descriptor; later calls fail with `gone`.
    public func close() {
        guard closedReason == nil else { return }
        closedReason = "the link was closed here"
        SystemCall.closeDescriptor(descriptor)
    }

    /// Sends one message whole.
    public func send(_ message: ClassMessage) throws(ClassLinkError) {
        try send(frame: message.frame())
    }

    /// Sends one message already framed (`ClassMessage.frame()`), whole: a writer that counts what it has
    /// queued frames each message once.
    public func send(frame: [UInt8]) throws(ClassLinkError) {
        if let closedReason { throw .gone(peer: peer, reason: closedReason) }
        var offset = 0
        while offset < frame.count {
            let sent = frame[offset...].withUnsafeBytes { SystemCall.sendBytes(descriptor, $0) }
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE || errno == ECONNRESET { throw .gone(peer: peer, reason: "the link is closed") }
                // On a blocking socket, only a send timeout ends a send with nothing sent this way.
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .notRead(peer: peer) }
                throw .system("send")
            }
            offset += sent
        }
    }

    /// The next message: one already received, or one read within `timeoutMilliseconds` (nil waits for ever).
    /// Returns nil when the time is up.
    public func receive(timeoutMilliseconds: Int?) throws(ClassLinkError) -> ClassMessage? {
        if !pending.isEmpty { return pending.removeFirst() }
        return try read(until: timeoutMilliseconds.map { deadline(after: $0) })
    }

    /// Whether a message already read from the socket waits for `receive` (one that came while a request
    /// waited for its reply, or a second frame of the same read): a caller that waits on `descriptor` takes
    /// these first, since the socket has nothing more to say about them.
    public var hasBufferedMessages: Bool { !pending.isEmpty || decoder.holdsWholeFrame }

    /// Sends the request `make` builds with a fresh number and waits for its reply. A `bye` from the other end,
    /// or the link closing, is `gone`; no reply in `timeoutMilliseconds` is `timedOut`.
    public func request(
        timeoutMilliseconds: Int, _ make: (UInt32) -> ClassMessage
    ) throws(ClassLinkError) -> ClassMessage {
        lastRequest = lastRequest == UInt32.max ? 1 : lastRequest + 1
        let number = lastRequest
        let message = make(number)
        precondition(message.request == number && !message.isReply, "a request carries the number it is given")
        try send(message)
        let end = deadline(after: timeoutMilliseconds)
        while true {
            guard let reply = try read(until: end) else {
                throw .timedOut(peer: peer, milliseconds: timeoutMilliseconds)
            }
            if reply.isReply {
                if reply.request == number { return reply }
                continue  // the late answer to a request that timed out
            }
            if case .bye(let reason) = reply { throw .gone(peer: peer, reason: reason) }
            pending.append(reply)
        }
    }

    private func deadline(after milliseconds: Int) -> ContinuousClock.Instant {
        .now + .milliseconds(max(0, milliseconds))
    }

    /// Reads until a whole message is decoded, or the deadline passes (nil).
    private func read(until deadline: ContinuousClock.Instant?) throws(ClassLinkError) -> ClassMessage? {
        while true {
            if let closedReason { throw .gone(peer: peer, reason: closedReason) }
            do {
                if let message = try decoder.next() { return message }
            } catch {
                throw .frame(error)
            }
            var wait: Int32 = -1
            if let deadline {
                // A deadline already passed still looks once: `receive(timeoutMilliseconds: 0)` is how a run
                // loop takes what has arrived without waiting.
                let left = deadline - .now
                let (seconds, attoseconds) = left.components
                wait =
                    left <= .zero
                    ? 0 : Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .system("poll")
            }
            if ready == 0 {
                if wait == 0 { return nil }
                continue  // woken early: the time left is worked out again at the top
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { SystemCall.readBytes(descriptor, $0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                if errno == ECONNRESET { throw .gone(peer: peer, reason: "the link was reset") }
                throw .system("read")
            }
            if count == 0 {
                let reason = decoder.bufferedCount > 0 ? "the link closed inside a frame" : "the link closed"
                closedReason = reason
                SystemCall.closeDescriptor(descriptor)
                throw .gone(peer: peer, reason: reason)
            }
            decoder.append(chunk[..<count])
        }
    }
}

/// The system calls the connection makes, named apart from the class's methods that share their names.
private enum SystemCall {
    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    static func sendBytes(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
        #if os(Linux)
            // MSG_NOSIGNAL: a peer that died makes this an EPIPE error, not a SIGPIPE that kills the tutor.
            send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
        #else
            send(descriptor, buffer.baseAddress, buffer.count, 0)
        #endif
    }

    static func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        read(descriptor, buffer.baseAddress, buffer.count)
    }
}
