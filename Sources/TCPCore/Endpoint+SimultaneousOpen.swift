/// The crossing SYN-ACK of a simultaneous open, as RFC 9293's Figure 7 draws it (§3.5).
extension Endpoint {
    /// In SYN-RECEIVED reached by a simultaneous open, the peer's SYN-ACK that repeats its ISN and acknowledges
    /// our SYN is accepted as Figure 7 draws it: ESTABLISHED, with nothing sent back (§3.5, Figure 7, line 6). The
    /// SYN-ACK acknowledges our SYN (SND.UNA = SEG.ACK) and its window is the peer's first word on SND.WND. Nil
    /// for any other segment, and always under `.rfcRules`, where the first check of §3.10.7.4 answers it.
    mutating func crossingSynAck(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) -> Verdict? {
        guard configuration.simultaneousOpen == .rfcFigure, case .synReceived(var tcb, .active, let close) = connection,
            segment.has(.syn), !segment.has(.rst), let ack = segment.ack, segment.seq == tcb.irs,
            tcb.sndUna.precedes(ack), ack.precedesOrEquals(tcb.sndNxt)
        else { return nil }
        tcb.sndUna = ack
        tcb.sndWnd = segment.window
        tcb.sndWl1 = segment.seq
        tcb.sndWl2 = ack
        acknowledgeSent(upTo: tcb.sndUna, at: now)
        become(.established(tcb, close: close), because: .simultaneousOpenSynAckEstablishes, into: &reaction)
        // Data and a CLOSE queued while opening go out now (RFC 9293 §3.10.4).
        flushQueue(at: now, into: &reaction)
        if close != nil { sendFin(at: now, into: &reaction) }
        return .processed(.simultaneousOpenSynAckEstablishes)
    }
}
