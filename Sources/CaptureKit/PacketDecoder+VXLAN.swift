/// VXLAN (RFC 7348 §5): an 8-byte header with a 24-bit network identifier (VNI), then an Ethernet frame; and
/// VXLAN-GPE, whose header also names what follows.
extension PacketDecoder {
    mutating func vxlan(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(8, at: start, end: end, "VXLAN") { return problem }
        // The I flag says the VNI is valid; without it this is not VXLAN as RFC 7348 defines it.
        guard frame[start] & 0x08 != 0 else { return .other }
        if let limit = push(.vxlan, id: frame.bigEndian32(start + 4) >> 8, at: start) { return limit }
        return ethernet(at: start + 8, end: end)
    }

    /// VXLAN-GPE: with the P flag, byte 3 names the payload (1 IPv4, 2 IPv6, 3 Ethernet, 5 MPLS); without it
    /// the payload is Ethernet, as in VXLAN.
    mutating func vxlanGPE(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(8, at: start, end: end, "VXLAN-GPE") { return problem }
        guard frame[start] & 0x08 != 0 else { return .other }
        if let limit = push(.vxlan, id: frame.bigEndian32(start + 4) >> 8, at: start) { return limit }
        let payload = start + 8
        guard frame[start] & 0x04 != 0 else { return ethernet(at: payload, end: end) }
        switch frame[start + 3] {
        case 1: return ipv4(at: payload)
        case 2: return ipv6(at: payload)
        case 3: return ethernet(at: payload, end: end)
        case 5: return mpls(at: payload, end: end)
        default: return .other
        }
    }
}
