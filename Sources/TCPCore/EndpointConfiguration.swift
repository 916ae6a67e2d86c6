/// The settings of an endpoint: timers in virtual milliseconds, and the choices the RFCs leave open.
public struct EndpointConfiguration: Hashable, Sendable {
    /// RCV.WND this endpoint advertises (RFC 9293 §3.8.6).
    public var receiveWindow: UInt32 = 65535
    /// Initial retransmission timeout; doubled on each retransmission (RFC 6298, RFC 9293 §3.8.1).
    public var retransmissionTimeout: UInt64 = 1_000
    /// Maximum segment lifetime: TIME_WAIT lasts 2 MSL (RFC 9293 §3.4.2: MSL is 2 minutes).
    public var maximumSegmentLifetime: UInt64 = 120_000
    /// How long sent data may stay unacknowledged before the connection is aborted (RFC 9293 §3.8.3).
    public var userTimeout: UInt64 = 300_000
    /// When set, ACKs wait this long for outgoing data or a FIN to ride on (RFC 9293 §3.8.6.3); nil: ACK at once.
    public var delayedAck: UInt64?
    /// What SYN_RECEIVED does with the crossing SYN-ACK of a simultaneous open (RFC 9293 §3.5 versus §3.10.7.4).
    public var simultaneousOpen: SimultaneousOpenHandling = .rfcRules
    /// Whether the third duplicate ACK resends the oldest unacknowledged segment at once (RFC 5681 §3.2),
    /// rather than waiting for the retransmission timer.
    public var fastRetransmit = false
    /// Keep-alive probes on an idle connection (RFC 9293 §3.8.4: off unless asked for, MUST-24, MUST-25); nil: off.
    public var keepAlive: KeepAlive?
    /// Flow control (RFC 9293 §3.8.6): when set, this host's receive buffer holds this many bytes, it advertises
    /// what is free of it (RCV.WND shrinks as unread data piles up), and it sends no more than the peer's window,
    /// probing a zero window on the persist timer (§3.8.6.1). Nil: a window that never changes, as before.
    public var receiveBuffer: UInt32?
    /// A listener's half-open queue (RFC 4987 §2): at most this many SYNs wait for their third segment while the
    /// listener stays in LISTEN; a SYN that finds it full is dropped. Nil: the plain LISTEN of RFC 9293 §3.10.7.2.
    public var synBacklog: Int?
    /// With a full half-open queue, answer a SYN with a SYN cookie instead of dropping it (RFC 4987 §3.6); without
    /// a `synBacklog`, every SYN gets a cookie.
    public var synCookies = false

    public init(
        receiveWindow: UInt32 = 65535, retransmissionTimeout: UInt64 = 1_000,
        maximumSegmentLifetime: UInt64 = 120_000, userTimeout: UInt64 = 300_000, delayedAck: UInt64? = nil,
        simultaneousOpen: SimultaneousOpenHandling = .rfcRules, fastRetransmit: Bool = false,
        keepAlive: KeepAlive? = nil, receiveBuffer: UInt32? = nil, synBacklog: Int? = nil,
        synCookies: Bool = false
    ) {
        self.receiveWindow = receiveWindow
        self.retransmissionTimeout = retransmissionTimeout
        self.maximumSegmentLifetime = maximumSegmentLifetime
        self.userTimeout = userTimeout
        self.delayedAck = delayedAck
        self.simultaneousOpen = simultaneousOpen
        self.fastRetransmit = fastRetransmit
        self.keepAlive = keepAlive
        self.receiveBuffer = receiveBuffer
        self.synBacklog = synBacklog
        self.synCookies = synCookies
    }
}
