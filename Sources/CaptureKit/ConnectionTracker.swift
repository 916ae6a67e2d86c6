import TCPCore

/// Splits a capture's segments into connections keyed by the 4-tuple and the tunnel they came through, and
/// summarises each as it goes. Memory grows with the number of connections, never with the number of packets.
public struct ConnectionTracker {
    /// The 4-tuple in a fixed order, so both directions find the same connection, and the tunnel's identity
    /// (the tunnel itself is compared only when a bucket's 4-tuple matches).
    private struct Key: Hashable {
        var ends: ConnectionEnds
        var tunnel: UInt64

        init(_ one: SocketAddress, _ other: SocketAddress, tunnel: UInt64) {
            ends = ConnectionEnds(one, other)
            self.tunnel = tunnel
        }

        /// A multiply-xorshift mix of the 4-tuple: cheap per packet, and spread however addresses and ports
        /// are chosen.
        @inline(__always)
        func mixed(seed: UInt64) -> UInt64 {
            @inline(__always)
            func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
                let product = (state ^ word) &* 0xbf58_476d_1ce4_e5b9
                return product ^ (product >> 31)
            }
            let (low, high) = (ends.low, ends.high)
            var state = step(seed, low.address.low)
            state = step(state, high.address.low)
            state = step(state, UInt64(low.port) << 16 | UInt64(high.port))
            if low.address.isIPv6 || high.address.isIPv6 {
                state = step(state, low.address.high)
                state = step(state, high.address.high)
            }
            if tunnel != 0 { state = step(state, tunnel) }
            return state
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

    /// What the summary needs remembered about a connection's two directions.
    private struct Progress {
        var fromA = Direction()
        var fromB = Direction()

        /// Both sides have finished (FIN each way) or one has reset.
        var isFinished: Bool {
            (fromA.finEnd != nil && fromB.finEnd != nil) || fromA.sentReset || fromB.sentReset
        }
    }

    /// Open addressing from 4-tuples to connections: each bucket holds a position in `summaries` plus one (0
    /// is empty). Smaller and quicker per packet than a dictionary of keys: the key is compared with the
    /// summary's hosts, which the packet's update reads anyway.
    private var buckets: [Int32]
    private var mapped = 0
    /// Kept apart from `progress` so that `connections` hands them out without a copy.
    private var summaries: [ConnectionSummary] = []
    private var progress: [Progress] = []
    private let seed = UInt64.random(in: 0...UInt64.max)

    public init() {
        buckets = Array(repeating: 0, count: 64)
    }

    /// A tracker with room for about `connections` connections, so large captures do not regrow the table.
    public init(reservingCapacity connections: Int) {
        var size = 64
        while size < connections * 2 { size *= 2 }
        buckets = Array(repeating: 0, count: size)
        summaries.reserveCapacity(connections)
        progress.reserveCapacity(connections)
    }

    /// The bucket that holds `key`, or the empty one where it would go.
    private func slot(for key: Key, tunnel: Encapsulation) -> Int {
        let mask = buckets.count - 1
        var slot = Int(truncatingIfNeeded: key.mixed(seed: seed)) & mask
        while buckets[slot] != 0, !matches(Int(buckets[slot]) - 1, key, tunnel) {
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Points `key` at connection `position` (a new connection, or a new one on a reused 4-tuple).
    private mutating func map(_ key: Key, to position: Int, at slot: Int) {
        if buckets[slot] == 0 { mapped += 1 }
        buckets[slot] = Int32(position + 1)
        guard mapped * 2 > buckets.count else { return }
        let old = buckets
        buckets = Array(repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 {
            let summary = summaries[Int(entry) - 1]
            let key = Key(summary.hostA, summary.hostB, tunnel: summary.tunnel.identity)
            buckets[self.slot(for: key, tunnel: summary.tunnel)] = entry
        }
    }

    /// A guess at how many connections a capture of `bytes` bytes holds: short connections take a couple of
    /// kilobytes each. Capped, so a huge file of one long connection does not reserve much.
    public static func expectedConnections(inBytes bytes: Int) -> Int {
        min(max(bytes / 2048, 64), 1 << 16)
    }

    /// Records one segment; returns its connection's stream number and which host sent it.
    @discardableResult
    public mutating func record(_ packet: CapturedSegment) -> (stream: Int, sender: HostID) {
        let key = Key(packet.source, packet.destination, tunnel: packet.tunnel.identity)
        let segment = packet.segment
        let isBareSyn = segment.has(.syn) && !segment.has(.ack)
        let slot = slot(for: key, tunnel: packet.tunnel)
        if buckets[slot] != 0 {
            let position = Int(buckets[slot]) - 1
            let sender: HostID = summaries[position].hostA == packet.source ? .a : .b
            let earlierSyn = sender == .a ? progress[position].fromA.synSeq : progress[position].fromB.synSeq
            // A fresh SYN on a finished 4-tuple is a new connection (port reuse), not a retransmission.
            if !(isBareSyn && progress[position].isFinished && earlierSyn != segment.seq) {
                Self.update(
                    &summaries[position], &progress[position], with: segment, at: packet.time, packet.number,
                    from: sender)
                return (position, sender)
            }
        }
        let sender = segment.has(.syn) && segment.has(.ack) ? HostID.b : HostID.a
        let hostA = sender == .a ? packet.source : packet.destination
        let hostB = sender == .a ? packet.destination : packet.source
        let opening: ConnectionOpening =
            isBareSyn ? .unanswered : segment.has(.syn) ? .threeWayHandshake : .midstream
        let position = summaries.count
        summaries.append(
            ConnectionSummary(
                stream: position, hostA: hostA, hostB: hostB, tunnel: packet.tunnel, firstTime: packet.time,
                lastTime: packet.time,
                firstPacket: packet.number, lastPacket: packet.number, opening: opening))
        progress.append(Progress())
        map(key, to: position, at: slot)
        Self.update(
            &summaries[position], &progress[position], with: segment, at: packet.time, packet.number, from: sender)
        return (position, sender)
    }

    /// Every connection seen so far, in stream order.
    public var connections: [ConnectionSummary] { summaries }

    public var count: Int { summaries.count }

    /// Whether connection `position`'s hosts are the 4-tuple's, in either order, in the same tunnel. Reads the
    /// fields in place: a copy of the summary would copy its tunnel's layers too.
    private func matches(_ position: Int, _ key: Key, _ tunnel: Encapsulation) -> Bool {
        let hostA = summaries[position].hostA
        let hostB = summaries[position].hostB
        guard key.ends.joins(hostA, hostB) else { return false }
        if key.tunnel == 0 { return summaries[position].tunnel.identity == 0 }
        return summaries[position].tunnel.sameTunnel(as: tunnel)
    }

    /// Static, so updating one connection never copies the tables (a method on `self` would).
    private static func update(
        _ summary: inout ConnectionSummary, _ connection: inout Progress, with segment: Segment, at time: CaptureTime,
        _ number: Int, from sender: HostID
    ) {
        if sender == .a {
            summary.packetsFromA += 1
            summary.bytesFromA += UInt64(segment.payloadLength)
        } else {
            summary.packetsFromB += 1
            summary.bytesFromB += UInt64(segment.payloadLength)
        }
        summary.lastTime = max(summary.lastTime, time)
        summary.lastPacket = number
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
    }
}
