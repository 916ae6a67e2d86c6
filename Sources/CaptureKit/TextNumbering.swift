import TCPCore
import TCPNotation

/// Turns the numbers tcpdump prints back into absolute ones and fills in the sequence numbers it leaves out.
///
/// tcpdump (without `-S`) prints a conversation's first ACK-carrying segment, and any SYN+ACK, with absolute
/// numbers and remembers them as the bases; later segments print seq and ack relative to those bases
/// (`print-tcp.c`). With `-S` everything is absolute. Which one a file holds shows at the second ACK-carrying
/// segment: the reading that lands next to the numbers already seen is the right one. Pure ACKs print no seq;
/// it is the sender's next sequence number.
struct TextNumbering {
    /// One direction-independent conversation.
    private struct Conversation {
        /// What tcpdump subtracts from each host's numbers (in effect, the host's ISN); nil while unknown.
        var base: [SocketAddress: UInt32] = [:]
        /// Whether later numbers are relative; decided once, at the first segment after the bases.
        var relative: Bool?
        /// SND.NXT as seen on the wire for each sender: the end of the highest sequence number it used.
        var next: [SocketAddress: SequenceNumber] = [:]
        /// The highest acknowledgment each host has received: where the peer expects its next byte.
        var acknowledged: [SocketAddress: SequenceNumber] = [:]
    }

    /// The 4-tuple and the tunnel: a pure ACK's seq is its sender's next one in its own tenant's connection.
    private struct Key: Hashable {
        var ends: ConnectionEnds
        var tunnel: Encapsulation

        init(_ one: SocketAddress, _ other: SocketAddress, tunnel: Encapsulation) {
            ends = ConnectionEnds(one, other)
            self.tunnel = Encapsulation(tunnel.layers.filter { $0.kind != .mpls })
        }
    }

    private var conversations: [Key: Conversation] = [:]

    /// The absolute segment for what the text says, from `source` to `destination`.
    mutating func resolve(
        _ pattern: SegmentPattern, from source: SocketAddress, to destination: SocketAddress,
        tunnel: Encapsulation = .none
    ) -> Segment {
        let key = Key(source, destination, tunnel: tunnel)
        var conversation = conversations[key] ?? Conversation()
        var seq = pattern.seq?.rawValue
        var ack = pattern.ack?.rawValue
        let hasAck = pattern.flags.contains(.ack)
        if hasAck {
            let known = conversation.base[source] != nil || conversation.base[destination] != nil
            if !known || pattern.flags.contains(.syn) {
                // tcpdump records bases here and prints this segment absolute.
                conversation.base[source] = seq ?? conversation.next[source]?.rawValue ?? 0
                conversation.base[destination] = (ack ?? 1) &- 1
                conversation.relative = nil
            } else {
                let relative =
                    conversation.relative
                    ?? Self.looksRelative(
                        seq: seq, ack: ack, conversation: conversation, source: source, destination: destination)
                conversation.relative = relative
                if relative {
                    if let value = seq { seq = value &+ (conversation.base[source] ?? 0) }
                    if let value = ack { ack = value &+ (conversation.base[destination] ?? 0) }
                }
            }
        }
        let resolvedSeq =
            seq ?? conversation.next[source]?.rawValue ?? conversation.acknowledged[source]?.rawValue
            ?? conversation.base[source] ?? 0
        let segment = Segment(
            flags: pattern.flags, seq: SequenceNumber(resolvedSeq), ack: hasAck ? SequenceNumber(ack ?? 0) : nil,
            window: pattern.window ?? 65535, payloadLength: pattern.payloadLength ?? 0)
        if let acknowledgment = segment.ack {
            let previous = conversation.acknowledged[destination]
            if previous.map({ $0.precedes(acknowledgment) }) ?? true {
                conversation.acknowledged[destination] = acknowledgment
            }
        }
        let end = segment.nextSeq
        if let previous = conversation.next[source], !segment.flags.contains(.syn) {
            if previous.precedes(end) { conversation.next[source] = end }
        } else {
            conversation.next[source] = end
        }
        conversations[key] = conversation
        return segment
    }

    /// Whether the numbers read closer to what was seen when taken as relative to the bases.
    private static func looksRelative(
        seq: UInt32?, ack: UInt32?, conversation: Conversation, source: SocketAddress, destination: SocketAddress
    ) -> Bool {
        func distance(_ value: UInt32, _ expected: UInt32) -> UInt64 {
            UInt64(Int64(Int32(bitPattern: value &- expected)).magnitude)
        }
        let sourceBase = conversation.base[source] ?? 0
        let destinationBase = conversation.base[destination] ?? 0
        let expectedSeq = conversation.next[source]?.rawValue ?? sourceBase
        let expectedAck = conversation.next[destination]?.rawValue ?? destinationBase &+ 1
        var absolute: UInt64 = 0
        var relative: UInt64 = 0
        if let seq {
            absolute += distance(seq, expectedSeq)
            relative += distance(seq &+ sourceBase, expectedSeq)
        }
        if let ack {
            absolute += distance(ack, expectedAck)
            relative += distance(ack &+ destinationBase, expectedAck)
        }
        return relative <= absolute
    }
}
