/// Geneve (RFC 8926 §3.4): an 8-byte header whose first byte counts the options that follow in 4-byte words,
/// an Ethernet type naming the payload, and a 24-bit VNI.
extension PacketDecoder {
    mutating func geneve(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(8, at: start, end: end, "Geneve") { return problem }
        guard frame[start] >> 6 == 0 else { return .other }  // version 0 is the only one defined
        let length = 8 + Int(frame[start] & 0x3f) * 4
        if let problem = header(length, at: start, end: end, "Geneve options") { return problem }
        if let limit = push(.geneve, id: frame.bigEndian32(start + 4) >> 8, at: start) { return limit }
        return etherType(frame.bigEndian16(start + 2), at: start + length, end: end)
    }
}
