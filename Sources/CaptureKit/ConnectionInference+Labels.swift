import TCPCore

/// The words a step gets: what kind of segment it is, and its notes as narration.
extension ConnectionInference {
    static let closingStates: Set<ConnectionState> = [.finWait1, .finWait2, .closing, .lastAck, .timeWait, .closeWait]

    /// Puts the kind of segment (handshake, data, teardown, reset) before the labels the inference found.
    mutating func label(_ index: Int, senderStateBefore: ConnectionState) {
        let sender = senders[index]
        let segment = packets[index].segment
        var kinds: [SegmentLabel] = []
        let transitions = stepTransitions.values.joined()
        if segment.has(.syn) {
            kinds.append(.handshake)
        } else if Self.isBareAck(segment) {
            let opening =
                senderStateBefore == .synSent || senderStateBefore == .synReceived
                || transitions.contains { $0.to == .established && ($0.from == .synSent || $0.from == .synReceived) }
            let closing =
                finEnd[sender.peer].map { segment.ack == $0 } ?? false
                || transitions.contains { Self.closingStates.contains($0.from) }
            if opening {
                kinds.append(.handshake)
            } else if closing {
                kinds.append(.teardown)
            }
        }
        if segment.payloadLength > 0 { kinds.append(.data) }
        if segment.has(.fin) { kinds.append(.teardown) }
        if segment.has(.rst) { kinds.append(.reset) }
        steps[index].labels = kinds + steps[index].labels
    }
}
