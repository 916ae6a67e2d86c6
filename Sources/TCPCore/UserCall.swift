/// The calls an application makes on its TCP endpoint (RFC 9293 §3.9.1, §3.10), in socket terms.
public enum UserCall: Hashable, Sendable, CustomStringConvertible {
    /// Passive OPEN: wait in LISTEN (RFC 9293 §3.10.1).
    case listen
    /// Active OPEN: send SYN (RFC 9293 §3.10.1).
    case connect
    /// SEND n bytes (RFC 9293 §3.10.2).
    case send(UInt32)
    /// SEND n bytes with more to come (socket `send` with `MSG_MORE`, or a corked socket, `TCP_CORK`): the bytes
    /// wait in the send queue for the next SEND or the CLOSE, so that they leave in one segment with what follows
    /// (RFC 9293 §3.10.2 lets a TCP implementation choose when to send queued data).
    case sendMore(UInt32)
    /// RECEIVE: the application reads up to n bytes (nil: all that is there) (RFC 9293 §3.10.3).
    case read(UInt32?)
    /// CLOSE in the RFC's sense, socket `shutdown(SHUT_WR)`: no more data from this side; reading goes on
    /// (half-close, RFC 9293 §3.6.1, §3.10.4).
    case shutdown
    /// Socket `close()`: a CLOSE after which the application reads nothing more, so unread or later data
    /// is answered with RST (the "half-duplex" close, RFC 9293 §3.6.1 MAY-1, SHLD-3).
    case close
    /// ABORT, socket close with `SO_LINGER` 0: RST at once (RFC 9293 §3.10.5).
    case abort

    public var description: String {
        switch self {
        case .listen: "listen"
        case .connect: "connect"
        case .send(let count): "send \(count)"
        case .sendMore(let count): "send \(count) more"
        case .read(let count): count.map { "read \($0)" } ?? "read"
        case .shutdown: "shutdown"
        case .close: "close"
        case .abort: "abort"
        }
    }
}

/// One state change, with the rule that caused it (DESIGN.md convention 4).
public struct Transition: Hashable, Sendable {
    public var from: ConnectionState
    public var to: ConnectionState
    public var because: Rule

    /// The RFC 9293 section that makes the change: its rule's.
    public var section: String { because.section }
}
