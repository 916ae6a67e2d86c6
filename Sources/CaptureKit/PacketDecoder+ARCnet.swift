/// ARCnet as BSD (link type 7) and Linux (129) capture it: source and destination station, a system code that
/// names the payload, and for the newer codes a fragmentation header (RFC 1201).
extension PacketDecoder {
    static let arcnetIP: UInt8 = 212
    static let arcnetIPv6: UInt8 = 0xc4
    /// RFC 1051's older code: a 3-byte header with no fragmentation.
    static let arcnetIPOld: UInt8 = 240

    /// Source, destination, system code, then (newer codes) split flag and sequence, or an exception frame's
    /// 10 bytes when the split flag is 0xff.
    mutating func arcnetBSD() -> DecodeResult {
        guard frame.count >= 3 else { return .other }
        let code = frame[2]
        var length = 3
        if code != Self.arcnetIPOld {
            guard frame.count >= 6 else { return .other }
            var flag = frame[3]
            length = 6
            if flag == 0xff {
                guard frame.count >= 10 else { return .other }
                flag = frame[7]
                length = 10
            }
            // A middle or last fragment of a split packet (RFC 1201): no IP header here.
            if flag != 0 && flag & 1 == 0 { return .other }
        }
        return arcnetPayload(code, at: length)
    }

    /// Linux: source, destination, a 2-byte offset, the system code; newer codes add split flag and sequence.
    /// Linux hands over reassembled packets, so there are no fragments.
    mutating func arcnetLinux() -> DecodeResult {
        guard frame.count >= 5 else { return .other }
        let code = frame[4]
        return arcnetPayload(code, at: code == Self.arcnetIPOld ? 5 : 8)
    }

    private mutating func arcnetPayload(_ code: UInt8, at start: Int) -> DecodeResult {
        switch code {
        case Self.arcnetIP, Self.arcnetIPOld: ipv4(at: start)
        case Self.arcnetIPv6: ipv6(at: start)
        default: .other
        }
    }
}
