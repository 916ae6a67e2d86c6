/// Keep-alive settings (RFC 9293 §3.8.4): after `idle` milliseconds with nothing received, send a probe; then one
/// every `interval` until the peer answers; after `probes` unanswered probes the connection is dead.
///
/// The RFC asks for an idle time of at least two hours (MUST-28). Linux defaults to 7200 s, 75 s and 9 probes
/// (`tcp_keepalive_time`, `tcp_keepalive_intvl`, `tcp_keepalive_probes`); 408 textbooks say 2 hours, then 75 s
/// ten times.
public struct KeepAlive: Hashable, Sendable {
    public var idle: UInt64
    public var interval: UInt64
    public var probes: Int

    public init(idle: UInt64 = 7_200_000, interval: UInt64 = 75_000, probes: Int = 9) {
        self.idle = idle
        self.interval = interval
        self.probes = probes
    }
}
