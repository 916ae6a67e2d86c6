import TCPCore

/// Splits a capture's segments into connections keyed by the 4-tuple and summarises each as it goes. Memory
/// grows with the number of connections, never with the number of packets.
public struct ConnectionTracker {
    /// The 4-tuple in a fixed order, so both directions find the same connection.
    private struct Key: Hashable {
        var low: SocketAddress
        var high: SocketAddress

        init(_ one: SocketAddress, _ other: SocketAddress) {
            (low, high) = one < other ? (one, other) : (other, one)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(low.address.low ^ (high.address.low << 32 | high.address.low >> 32))
            hasher.combine(UInt64(low.port) << 16 | UInt64(high.port))
            if low.address.isIPv6 || high.address.isIPv6 {
                hasher.combine(low.address.high ^ (high.address.high << 32 | high.address.high >> 32))
            }
        }

        /// The table's hash without a full SipHash per packet: a multiply-xorshift mix of the 4-tuple and the
        /// table's seed, which keeps keys spread however addresses and ports are chosen.
        func _rawHashValue(seed: Int) -> Int {
            var mixed = UInt64(bitPattern: Int64(seed)) ^ 0x9e37_79b9_7f4a_7c15
            for word in [
                low.address.low, high.address.low, UInt64(low.port) << 16 | UInt64(high.port),
                low.address.high, high.address.high,
            ] {
                mixed = (mixed ^ word) &* 0xbf58_476d_1ce4_e5b9
                mixed ^= mixed >> 31
            }
            return Int(truncatingIfNeeded: mixed)
        }
    }

    /// What the summary needs remembered about one direction.
    private struct Direction {
        var sentBareSyn = false
        var synSeq: SequenceNumber?
        /// SEG.SEQ + SEG.LEN of this side's first FIN.
        var finEnd: SequenceNumber?
        var sentReset = false
    }

    /// A connection being followed.
    private struct Live {
        var summary: ConnectionSummary
        var fromA = Direction()
        var fromB = Direction()

        /// Both sides have finished (FIN each way) or one has reset.
        var isFinished: Bool {
            (fromA.finEnd != nil && fromB.finEnd != nil) || fromA.sentReset || fromB.sentReset
        }
    }

    private var index: [Key: Int] = [:]
    private var live: [Live] = []

    public init() {}

    /// Records one segment; returns its connection's stream number and which host sent it.
    @discardableResult
    public mutating func record(_ packet: CapturedSegment) -> (stream: Int, sender: HostID) {
        let key = Key(packet.source, packet.destination)
        let segment = packet.segment
        let isBareSyn = segment.has(.syn) && !segment.has(.ack)
        if let position = index[key] {
            let sender: HostID = live[position].summary.hostA == packet.source ? .a : .b
            let earlierSyn = sender == .a ? live[position].fromA.synSeq : live[position].fromB.synSeq
            // A fresh SYN on a finished 4-tuple is a new connection (port reuse), not a retransmission.
            if !(isBareSyn && live[position].isFinished && earlierSyn != segment.seq) {
                Self.update(&live[position], with: packet, from: sender)
                return (position, sender)
            }
        }
        let sender = segment.has(.syn) && segment.has(.ack) ? HostID.b : HostID.a
        let hostA = sender == .a ? packet.source : packet.destination
        let hostB = sender == .a ? packet.destination : packet.source
        let opening: ConnectionOpening =
            isBareSyn ? .unanswered : segment.has(.syn) ? .threeWayHandshake : .midstream
        let summary = ConnectionSummary(
            stream: live.count, hostA: hostA, hostB: hostB, firstTime: packet.time, lastTime: packet.time,
            firstPacket: packet.number, lastPacket: packet.number, opening: opening)
        live.append(Live(summary: summary))
        index[key] = live.count - 1
        Self.update(&live[live.count - 1], with: packet, from: sender)
        return (live.count - 1, sender)
    }

    /// Every connection seen so far, in stream order.
    public var connections: [ConnectionSummary] { live.map(\.summary) }

    public var count: Int { live.count }

    /// Static, so updating one connection never copies the table (a method on `self` would).
    private static func update(_ connection: inout Live, with packet: CapturedSegment, from sender: HostID) {
        let segment = packet.segment
        var summary = connection.summary
        if sender == .a {
            summary.packetsFromA += 1
            summary.bytesFromA += UInt64(segment.payloadLength)
        } else {
            summary.packetsFromB += 1
            summary.bytesFromB += UInt64(segment.payloadLength)
        }
        summary.lastTime = max(summary.lastTime, packet.time)
        summary.lastPacket = packet.number
        var mine = sender == .a ? connection.fromA : connection.fromB
        let theirs = sender == .a ? connection.fromB : connection.fromA

        if segment.has(.syn) {
            if mine.synSeq == nil { mine.synSeq = segment.seq }
            if !segment.has(.ack) {
                mine.sentBareSyn = true
                if sender == .b, theirs.sentBareSyn, summary.opening == .unanswered {
                    summary.opening = .simultaneousOpen
                }
            } else if summary.opening == .unanswered {
                summary.opening = .threeWayHandshake
            }
        }
        if segment.has(.rst) {
            if summary.opening == .unanswered, sender == .b { summary.opening = .refused }
            if !mine.sentReset, !theirs.sentReset {
                switch summary.closing {
                case .open, .halfClosed, .closed, .simultaneousClose: summary.closing = .reset(by: sender)
                case .reset: break
                }
            }
            mine.sentReset = true
        }
        if segment.has(.fin), mine.finEnd == nil, !theirs.sentReset, !mine.sentReset {
            mine.finEnd = segment.nextSeq
            if let theirFin = theirs.finEnd {
                // Our FIN does not acknowledge theirs: we sent it before theirs arrived.
                let acknowledged = segment.ack.map { !$0.precedes(theirFin) } ?? false
                summary.closing = acknowledged ? .closed(first: sender.peer) : .simultaneousClose
            } else {
                summary.closing = .halfClosed(by: sender)
            }
        }
        if sender == .a { connection.fromA = mine } else { connection.fromB = mine }
        connection.summary = summary
    }
}
