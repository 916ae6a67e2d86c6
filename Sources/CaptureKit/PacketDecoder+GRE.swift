/// GRE (RFC 2784, with the key and sequence number of RFC 2890): a 4-byte header, the optional fields its flags
/// announce, then the payload named by an Ethernet type. ERSPAN's mirrored frames have their own file.
extension PacketDecoder {
    static let greChecksum: UInt8 = 0x80
    static let greRouting: UInt8 = 0x40
    static let greKey: UInt8 = 0x20
    static let greSequence: UInt8 = 0x10

    mutating func gre(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(4, at: start, end: end, "GRE") { return problem }
        let flags = frame[start]
        // Version 0 only; version 1 is PPTP's enhanced GRE, and source routing (RFC 1701) is long obsolete.
        guard frame[start + 1] & 0x07 == 0, flags & Self.greRouting == 0 else { return .other }
        var length = 4
        if flags & Self.greChecksum != 0 { length += 4 }  // checksum and a reserved half
        let keyOffset = start + length
        if flags & Self.greKey != 0 { length += 4 }
        if flags & Self.greSequence != 0 { length += 4 }
        if let problem = header(length, at: start, end: end, "GRE") { return problem }
        let key = flags & Self.greKey != 0 ? frame.bigEndian32(keyOffset) : nil
        if let limit = push(.gre, id: key, at: start) { return limit }
        let type = frame.bigEndian16(start + 2)
        let payload = start + length
        switch type {
        case 0x88be:
            // ERSPAN type II has a sequence number; type I has neither it nor an ERSPAN header.
            guard flags & Self.greSequence != 0 else { return ethernet(at: payload, end: end) }
            return erspanTypeII(at: payload, end: end)
        case 0x22eb:
            return erspanTypeIII(at: payload, end: end)
        default:
            return etherType(type, at: payload, end: end)
        }
    }
}
