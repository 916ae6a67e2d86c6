/// Duplicate ACKs and fast retransmit (RFC 5681 §3.2, which RFC 9293 §3.8.2 makes a MUST, MUST-19).
extension Endpoint {
    /// A duplicate ACK in RFC 5681 §2's sense: data is outstanding, the segment carries no data, no SYN or FIN,
    /// acknowledges exactly SND.UNA and leaves the advertised window as it was. Each one tells the sender that
    /// a segment arrived beyond a gap at the receiver.
    func isDuplicateAck(_ segment: Segment, tcb: TCB) -> Bool {
        guard state != .synReceived, !unacknowledged.isEmpty, segment.payloadLength == 0,
            !segment.has(.syn), !segment.has(.fin), segment.ack == tcb.sndUna
        else { return false }
        return segment.window == tcb.sndWnd
    }

    /// Counts a duplicate ACK; the third resends the oldest unacknowledged segment without waiting for the
    /// retransmission timer (RFC 5681 §3.2, step 2). Returns the verdict on the ACK.
    mutating func countDuplicateAck(into reaction: inout Reaction) -> Rule {
        duplicateAcks += 1
        guard duplicateAcks == 3, var segment = unacknowledged.first, let tcb else { return .duplicateAckCounted }
        if segment.has(.ack) { segment.ackNumber = tcb.rcvNxt }
        delayedAckDeadline = nil
        reaction.sent.append((segment, .fastRetransmit))
        return .fastRetransmit
    }
}
