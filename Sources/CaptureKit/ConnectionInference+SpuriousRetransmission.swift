import TCPCore

/// A copy sent again although the first had arrived: a spurious retransmission (RFC 5682 §1: the timer fired
/// only because the ACK was late). A capture taken at the sender shows every copy the sender sent (the network
/// cannot have made one before the capture point), so there a repeat is always a retransmission, never a
/// duplicate; whether it was spurious shows in the receiver's answers: a copy that arrives after its data is an
/// old duplicate, which the receiver answers with an ACK of its own (RFC 9293 §3.10.7.4), so the data is
/// acknowledged once for each copy that arrived.
extension ConnectionInference {
    /// The peer's ACKs that answer each copy of step `index`'s data, one per copy, when the sender is at the
    /// capture point and every copy sent up to then was answered; nil when some copy went unanswered (it was
    /// lost, and the retransmission was needed) or the capture cannot tell.
    func acknowledgmentsOfEachCopy(_ index: Int) -> [Int]? {
        let sender = senders[index]
        let segment = packets[index].segment
        guard atCapturePoint.contains(sender), segment.sequenceLength > 0,
            let first = packets.indices.first(where: { isCopy($0, of: index) })
        else { return nil }
        let end = segment.nextSeq
        var copies = 0
        var acks: [Int] = []
        for later in packets.indices.dropFirst(first) {
            if isCopy(later, of: index) {
                copies += 1
                continue
            }
            guard senders[later] == sender.peer, let ack = packets[later].segment.ack else { continue }
            // An answer to something sent before the data: not about it.
            if ack.precedes(end) { continue }
            // Only bare ACKs of exactly this data count: anything more answers something else too.
            guard ack == end, Self.isBareAck(packets[later].segment) else { break }
            acks.append(later)
            if later > index, copies >= 2, acks.count >= copies { return acks }
        }
        return nil
    }

    /// Whether step `other` is a copy of step `index`'s data from the same sender (the same sequence numbers).
    private func isCopy(_ other: Int, of index: Int) -> Bool {
        senders[other] == senders[index] && packets[other].segment.seq == packets[index].segment.seq
            && packets[other].segment.sequenceLength == packets[index].segment.sequenceLength
    }
}
