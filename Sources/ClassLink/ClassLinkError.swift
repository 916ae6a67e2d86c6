#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What can go wrong on the class link, worded for the student's screen and the server's log.
public enum ClassLinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes that came are not a frame (the link is then closed).
    case frame(FrameError)
    /// The other end closed the link, or said bye: `peer` names it ("the class server").
    case gone(peer: String, reason: String)
    /// No answer came in time.
    case timedOut(peer: String, milliseconds: Int)
    /// A system call failed.
    case system(call: String, reason: String)
    /// A send waited for the peer to read longer than the socket's send timeout (`SO_SNDTIMEO`) allows.
    case notRead(peer: String)

    public var description: String {
        switch self {
        case .frame(let error): "\(error)"
        case .gone(let peer, let reason): "\(peer) is gone (\(reason))"
        case .timedOut(let peer, let milliseconds):
            "\(peer) did not answer within \(Self.seconds(milliseconds)); nothing was saved"
        case .system(let call, let reason): "class link: \(call) failed: \(reason)"
        case .notRead(let peer): "\(peer) read nothing within the link's send timeout"
        }
    }

    private static func seconds(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }

    static func system(_ call: String) -> ClassLinkError {
        .system(call: call, reason: String(cString: strerror(errno)))
    }
}
