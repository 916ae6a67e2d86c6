/// Keep-alives (RFC 9293 §3.8.4): probing an idle ESTABLISHED connection to find a peer that is gone.
extension Endpoint {
    /// Anything received restarts the idle time and forgets unanswered probes (MUST-26: only send a probe when
    /// nothing has been received for the interval).
    mutating func noteSegmentReceived(at now: UInt64) {
        guard let keepAlive = configuration.keepAlive else { return }
        keepAliveProbesSent = 0
        keepAliveDeadline = state == .established ? now + keepAlive.idle : nil
    }

    /// The keep-alive timer fired: send a probe, or give up after the last unanswered one.
    mutating func fireKeepAlive(at now: UInt64, into reaction: inout Reaction) {
        guard let keepAlive = configuration.keepAlive, state == .established, let tcb else {
            keepAliveDeadline = nil
            return
        }
        if !unacknowledged.isEmpty {
            // Data in flight has its own timer, which finds a dead peer by itself (§3.8.3).
            keepAliveDeadline = now + keepAlive.interval
            return
        }
        if keepAliveProbesSent >= keepAlive.probes {
            // No answer to any probe: the peer is gone. Signal the user and reset, as Linux does (ETIMEDOUT).
            reaction.errors.append(.connectionTimedOut)
            reset(because: .keepAliveTimeout, into: &reaction)
            return
        }
        // <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK> with no data: a number the peer has already acknowledged, so the
        // peer must answer with an ACK of where it is (§3.8.4, §3.10.7.4 first check).
        let probe = Segment(flags: .ack, seq: tcb.sndNxt &- 1, ack: tcb.rcvNxt, window: advertisedWindow)
        reaction.sent.append((probe, .keepAliveProbe))
        keepAliveProbesSent += 1
        keepAliveDeadline = now + keepAlive.interval
    }
}
