/// PPP (RFC 1661) and the HDLC framings around it: PPP in HDLC-like framing (RFC 1662), Cisco HDLC, and the
/// protocol numbers that carry IP and MPLS.
extension PacketDecoder {
    /// A PPP frame, with or without the HDLC address and control bytes (0xff 0x03) in front; link type 50 may
    /// also hold Cisco HDLC, which starts 0x0f or 0x8f.
    mutating func pppFrame(at start: Int, end: Int) -> DecodeResult {
        guard start + 2 <= frame.count else { return .other }
        switch frame[start] {
        case 0xff where frame[start + 1] == 0x03: return pppProtocol(at: start + 2, end: end)
        case 0x0f, 0x8f: return ciscoHDLC(at: start, end: end)
        default: return pppProtocol(at: start, end: end)
        }
    }

    /// The protocol field: two bytes, or one when compressed (odd first byte, RFC 1661 §6.5).
    mutating func pppProtocol(at start: Int, end: Int) -> DecodeResult {
        guard start < frame.count else { return .other }
        if frame[start] & 1 == 1 { return ppp(UInt16(frame[start]), at: start + 1, end: end) }
        guard start + 2 <= frame.count else { return .other }
        return ppp(frame.bigEndian16(start), at: start + 2, end: end)
    }

    /// What a PPP protocol number carries (RFC 1332 IPv4, RFC 5072 IPv6, RFC 3032 §4.3 MPLS).
    mutating func ppp(_ protocolNumber: UInt16, at start: Int, end: Int) -> DecodeResult {
        switch protocolNumber {
        case 0x0021: ipv4(at: start)
        case 0x0057: ipv6(at: start)
        case 0x0281, 0x0283: mpls(at: start, end: end)
        default: .other
        }
    }

    /// Cisco HDLC: an address byte (0x0f unicast, 0x8f broadcast), a control byte, then an Ethernet type.
    mutating func ciscoHDLC(at start: Int, end: Int) -> DecodeResult {
        guard start + 4 <= frame.count, frame[start] == 0x0f || frame[start] == 0x8f else { return .other }
        return etherType(frame.bigEndian16(start + 2), at: start + 4, end: end)
    }
}
