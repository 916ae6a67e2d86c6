import TCPCore
import TimelineKit

/// How the hosts start: what the capture shows of the opening decides who listened, who connected, and whether
/// the capture begins after the handshake.
extension ConnectionInference {
    /// Builds both endpoints as they were before the first captured segment; returns a note for the start frame.
    mutating func setUp() -> LocalizedText? {
        guard let first = packets.first else { return nil }
        let firstSegment = first.segment
        let firstFromB = packets.indices.first { senders[$0] == .b }.map { packets[$0].segment }
        if firstSegment.has(.syn), !firstSegment.has(.ack), senders[0] == .a {
            endpoints.a = Endpoint(initialSequenceNumber: firstSegment.seq, configuration: Self.configuration)
            if let answer = firstFromB, answer.has(.syn) {
                endpoints.b = Endpoint(initialSequenceNumber: answer.seq, configuration: Self.configuration)
                if answer.has(.ack) {
                    // B answered with SYN+ACK: it was listening (a passive OPEN the capture cannot show).
                    reaction.clear()
                    endpoints.b.call(.listen, at: 0, into: &reaction)
                    return LocalizedText(
                        en: "B is listening (its passive OPEN happened before the capture); A is CLOSED",
                        zh: "B已处于监听状态（被动打开发生在抓包之前）；A处于CLOSED状态")
                }
                return LocalizedText(
                    en: "both hosts are CLOSED and both will connect: a simultaneous open",
                    zh: "两台主机都处于CLOSED状态，并将同时主动打开")
            }
            if firstFromB == nil {
                // A silent B may be a closed port whose resets are filtered, a listener the SYN never reached, or
                // no host at all: the capture cannot tell them apart.
                return LocalizedText(
                    en: "B sends nothing in the capture: whether anything listens on B's port cannot be seen; B is "
                        + "taken to be CLOSED",
                    zh: "抓包中B没有发送任何报文段：无法看出B的端口上是否有监听；假定B处于CLOSED状态")
            }
            return LocalizedText(
                en: "nothing listens on B's port: B is CLOSED", zh: "B的端口上没有监听：B处于CLOSED状态")
        }
        if firstSegment.has(.syn), firstSegment.has(.ack), senders[0] == .b {
            // The SYN itself is missing: rebuild it from the SYN+ACK's acknowledgment.
            let isn = firstSegment.ackNumber &- 1
            endpoints.a = Endpoint(initialSequenceNumber: isn, configuration: Self.configuration)
            endpoints.b = Endpoint(initialSequenceNumber: firstSegment.seq, configuration: Self.configuration)
            reaction.clear()
            endpoints.a.call(.connect, at: 0, into: &reaction)
            reaction.clear()
            endpoints.b.call(.listen, at: 0, into: &reaction)
            reaction.clear()
            endpoints.b.receive(Segment(flags: .syn, seq: isn, window: 65535), at: 0, into: &reaction)
            predictions.b = reaction.sent.map { ($0.segment, $0.because) }
            firstStepNote = LocalizedText(
                en: "gap: A's SYN (seq \(isn)) is not in the capture; A is taken to be in SYN_SENT and B in "
                    + "SYN_RECEIVED", zh: "缺口：抓包中没有A的SYN（序列号\(isn)）；假定A处于SYN_SENT，B处于SYN_RECEIVED")
            return firstStepNote
        }
        setUpMidstream()
        firstStepNote = LocalizedText(
            en: "gap: the capture starts mid-connection, so both hosts start in ESTABLISHED with the numbers seen",
            zh: "缺口：抓包从连接中途开始，两台主机按所见的序列号从ESTABLISHED状态开始")
        return firstStepNote
    }

    /// Both hosts ESTABLISHED, with SND.NXT and RCV.NXT taken from the first numbers each way.
    mutating func setUpMidstream() {
        func first(from host: HostID) -> Int? { packets.indices.first { senders[$0] == host } }
        let firstA = first(from: .a)
        let firstB = first(from: .b)
        let fromA = firstA.map { packets[$0].segment }
        let fromB = firstB.map { packets[$0].segment }
        /// A host's SND.NXT: what the peer acknowledged before the host spoke, else the host's own first seq.
        func nextSend(_ mine: Int?, _ theirs: Int?) -> SequenceNumber {
            if let theirs, let ack = packets[theirs].segment.ack, mine.map({ theirs < $0 }) ?? true { return ack }
            return mine.map { packets[$0].segment.seq } ?? SequenceNumber(0)
        }
        let aNext = nextSend(firstA, firstB)
        let bNext = nextSend(firstB, firstA)
        endpoints.a = Endpoint(
            establishedWith: Self.tcb(sendNext: aNext, receiveNext: bNext, peerWindow: fromB?.window ?? 65535),
            configuration: Self.configuration)
        endpoints.b = Endpoint(
            establishedWith: Self.tcb(sendNext: bNext, receiveNext: aNext, peerWindow: fromA?.window ?? 65535),
            configuration: Self.configuration)
    }

    static func tcb(sendNext: SequenceNumber, receiveNext: SequenceNumber, peerWindow: UInt32) -> TCB {
        var tcb = TCB(iss: sendNext &- 1, receiveWindow: configuration.receiveWindow)
        tcb.irs = receiveNext &- 1
        tcb.sndUna = sendNext
        tcb.sndNxt = sendNext
        tcb.rcvNxt = receiveNext
        tcb.sndWnd = peerWindow
        tcb.sndWl1 = receiveNext
        tcb.sndWl2 = sendNext
        return tcb
    }
}
