/// One TCP segment as the state machine sees it: control bits, numbers, window and how many data bytes it
/// carries (the bytes themselves never matter to connection management, RFC 9293 §3.4).
public struct Segment: Hashable, Sendable {
    /// Control bits.
    public var flags: TCPFlags
    /// SEG.SEQ: the first sequence number the segment occupies (RFC 9293 §3.3.1).
    public var seq: SequenceNumber
    /// The acknowledgment field as carried; it means something only when ACK is set (see `ack`).
    public var ackNumber: SequenceNumber
    /// SEG.WND.
    public var window: UInt32
    /// Data bytes carried.
    public var payloadLength: UInt32

    public init(
        flags: TCPFlags, seq: SequenceNumber, ack: SequenceNumber? = nil, window: UInt32 = 65535,
        payloadLength: UInt32 = 0
    ) {
        var flags = flags
        if ack != nil { flags.insert(.ack) }
        self.flags = flags
        self.seq = seq
        self.ackNumber = ack ?? SequenceNumber(0)
        self.window = window
        self.payloadLength = payloadLength
    }

    /// SEG.ACK, or nil when the ACK bit is off: the ACK flag and the ack number are different things
    /// (TEACHING.md rule 2).
    @inline(__always)
    public var ack: SequenceNumber? { flags.contains(.ack) ? ackNumber : nil }

    /// SEG.LEN: data bytes plus one for SYN and one for FIN (RFC 9293 §3.4).
    @inline(__always)
    public var sequenceLength: UInt32 {
        payloadLength &+ (flags.contains(.syn) ? 1 : 0) &+ (flags.contains(.fin) ? 1 : 0)
    }

    /// The last sequence number the segment occupies plus one: SEG.SEQ + SEG.LEN.
    @inline(__always)
    public var nextSeq: SequenceNumber { seq &+ sequenceLength }

    /// The end of the data range as tcpdump prints it (`seq:end(len)`): SEG.SEQ + data bytes.
    public var dataEnd: SequenceNumber { seq &+ payloadLength }

    public func has(_ flag: TCPFlags) -> Bool { flags.contains(flag) }
}
