/// What one check of SEGMENT ARRIVES decided about a segment (RFC 9293 §3.10.7). A check returns nil when the
/// segment passes it and processing goes on to the next check; `Endpoint.receive` carries out the verdict that
/// ends it and reports its rule.
enum Verdict: Hashable, Sendable {
    /// "Drop the segment and return": nothing is sent.
    case drop(Rule)
    /// Send this segment in answer, drop the arriving one and return: a reset, or a listener's SYN-ACK that keeps
    /// no TCB (RFC 4987).
    case reply(Segment, Rule)
    /// Send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, drop the segment and return: an unacceptable segment, a challenge
    /// ACK (RFC 5961), a segment held for later.
    case acknowledge(Rule)
    /// The segment was processed: the state, the TCB and anything sent have changed already.
    case processed(Rule)
}

extension Endpoint {
    /// Carries out a verdict and returns its rule.
    @inline(__always)
    mutating func carryOut(_ verdict: Verdict, into reaction: inout Reaction) -> Rule {
        switch verdict {
        case .drop(let rule), .processed(let rule):
            return rule
        case .reply(let segment, let rule):
            reaction.sent.append((segment, rule))
            return rule
        case .acknowledge(let rule):
            sendAck(because: rule, into: &reaction)
            return rule
        }
    }
}
