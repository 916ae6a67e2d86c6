/// A listener under a SYN flood (RFC 4987): the half-open queue and SYN cookies.
///
/// This engine follows one connection per host, so a listener with a backlog keeps each SYN it answers as a
/// half-open entry (IRS and ISS, the state Linux keeps per SYN_RECV request) and stays in LISTEN; the entry whose
/// third segment arrives becomes the connection, ESTABLISHED. Segments carry no addresses here, so the client's
/// ISN stands in for the 4-tuple that tells connections apart. Entries are not retransmitted or timed out.
public struct HalfOpenEntry: Hashable, Sendable {
    /// The SYN's sequence number (IRS of the would-be connection).
    public var irs: SequenceNumber
    /// The ISS the SYN+ACK carried.
    public var iss: SequenceNumber
    /// The window the SYN advertised.
    public var window: UInt32
}

extension EndpointConfiguration {
    /// Whether LISTEN keeps a half-open queue or answers with SYN cookies (cookies alone: a queue of none).
    var guardsAgainstSynFlood: Bool { synBacklog != nil || synCookies }
}

extension Endpoint {
    /// Virtual milliseconds per step of the cookie's time counter t ("typically increments every 64 seconds",
    /// RFC 4987 §3.6).
    static let cookieTimeStep: UInt64 = 64_000

    /// A SYN in LISTEN with a backlog: queue it and answer, or, with the queue full, drop it (RFC 4987 §2) or
    /// answer with a SYN cookie and keep nothing (§3.6).
    mutating func queueOrCookie(_ segment: Segment, at now: UInt64) -> Verdict {
        let backlog = configuration.synBacklog ?? 0
        if halfOpen.count < backlog {
            let iss = initialSequenceNumber &+ UInt32(halfOpen.count)
            halfOpen.append(HalfOpenEntry(irs: segment.seq, iss: iss, window: segment.window))
            return .reply(synAck(answering: segment, iss: iss), .synQueued)
        }
        guard configuration.synCookies else { return .drop(.synBacklogFullDropsSyn) }
        let cookie = synCookie(irs: segment.seq, counter: now / Self.cookieTimeStep)
        return .reply(synAck(answering: segment, iss: cookie), .synCookieSent)
    }

    /// <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK>, sent once and not queued for retransmission: the listener stays in
    /// LISTEN and keeps no TCB for it.
    func synAck(answering syn: Segment, iss: SequenceNumber) -> Segment {
        Segment(flags: .syn, seq: iss, ack: syn.seq &+ 1, window: advertisedWindow)
    }

    /// An ACK in LISTEN that completes a queued SYN, or carries a cookie this listener could have made
    /// (ack-1 = cookie, RFC 4987 §3.6), becomes the connection in ESTABLISHED: returns the rule that accepted it.
    /// Nil: the usual reset follows.
    mutating func completeHalfOpen(
        _ segment: Segment, listening: TCB, at now: UInt64, into reaction: inout Reaction
    ) -> Rule? {
        guard configuration.guardsAgainstSynFlood, !segment.has(.syn), let ack = segment.ack else { return nil }
        let irs = segment.seq &- 1
        let iss = ack &- 1
        let rule: Rule
        if let index = halfOpen.firstIndex(where: { $0.irs == irs && $0.iss == iss }) {
            halfOpen.remove(at: index)
            rule = .halfOpenCompleted
        } else if configuration.synCookies, isValidCookie(iss, irs: irs, at: now) {
            rule = .synCookieAccepted
        } else {
            return nil
        }
        var tcb = listening
        tcb.iss = iss
        tcb.irs = irs
        tcb.rcvNxt = segment.seq
        tcb.sndUna = ack
        tcb.sndNxt = ack
        tcb.sndWnd = segment.window
        tcb.sndWl1 = segment.seq
        tcb.sndWl2 = ack
        become(.established(tcb, close: nil), because: rule, into: &reaction)
        // Data or a FIN on the third segment is processed as in ESTABLISHED (RFC 9293 §3.10.7.4); the verdict on
        // the segment stays the handshake's.
        if segment.payloadLength > 0 || segment.has(.fin) {
            _ = otherStates(segment, tcb: tcb, at: now, into: &reaction)
        }
        return rule
    }

    /// The cookie of RFC 4987 §3.6: the top 5 bits are t mod 32, the next 3 the MSS index m (0 here: segments
    /// carry no MSS option), the low 24 bits s, a keyed hash of the connection and t. The key is this host's
    /// secret; the client's ISN stands in for the 4-tuple, as Linux also mixes it in.
    func synCookie(irs: SequenceNumber, counter: UInt64) -> SequenceNumber {
        let t = UInt32(truncatingIfNeeded: counter) & 31
        var hash = UInt64(initialSequenceNumber.rawValue) &* 0x9E37_79B9_7F4A_7C15
        hash ^= UInt64(irs.rawValue) &+ (UInt64(t) << 32)
        hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        let s = UInt32(truncatingIfNeeded: hash) & 0x00FF_FFFF
        return SequenceNumber(t << 27 | s)
    }

    /// A cookie is valid when it is the one made for this connection with the current counter or the one
    /// before (RFC 4987 §3.6: t bounds how old a cookie may be).
    func isValidCookie(_ cookie: SequenceNumber, irs: SequenceNumber, at now: UInt64) -> Bool {
        let counter = now / Self.cookieTimeStep
        return [counter, counter &- 1].contains { synCookie(irs: irs, counter: $0) == cookie }
    }
}
