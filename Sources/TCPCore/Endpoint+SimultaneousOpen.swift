/// The crossing SYN-ACK of a simultaneous open, as RFC 9293's Figure 7 draws it (§3.5).
extension Endpoint {
    /// Whether `segment` is the peer's SYN-ACK in a simultaneous open that this endpoint accepts as Figure 7 does:
    /// it repeats the peer's ISN and acknowledges our SYN. Under `.rfcRules` nothing is accepted here and the
    /// first check of §3.10.7.4 answers the segment with an ACK.
    func acceptsCrossingSynAck(_ segment: Segment, tcb: TCB) -> Bool {
        guard configuration.simultaneousOpen == .rfcFigure, state == .synReceived, !openedPassively,
            segment.has(.syn), !segment.has(.rst), let ack = segment.ack, segment.seq == tcb.irs
        else { return false }
        return tcb.sndUna.precedes(ack) && ack.precedesOrEquals(tcb.sndNxt)
    }

    /// ESTABLISHED on the SYN-ACK, with nothing sent back (§3.5, Figure 7, line 6): the SYN-ACK acknowledges our
    /// SYN (SND.UNA = SEG.ACK) and its window is the peer's first word on SND.WND.
    mutating func acceptCrossingSynAck(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        var tcb = self.tcb!
        tcb.sndUna = segment.ackNumber
        tcb.sndWnd = segment.window
        tcb.sndWl1 = segment.seq
        tcb.sndWl2 = segment.ackNumber
        self.tcb = tcb
        acknowledgeSent(upTo: tcb.sndUna, at: now)
        reaction.verdict = .simultaneousOpenSynAckEstablishes
        become(.established, because: .simultaneousOpenSynAckEstablishes, into: &reaction)
        // Data and a CLOSE queued while opening go out now (RFC 9293 §3.10.4).
        flushQueue(at: now, into: &reaction)
        if closeRequested { sendFin(at: now, becoming: .finWait1, into: &reaction) }
    }
}
