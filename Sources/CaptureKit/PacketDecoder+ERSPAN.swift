/// ERSPAN, Cisco's mirrored traffic inside GRE (draft-foschiano-erspan): type II has an 8-byte header, type III a
/// 12-byte one with an optional 8-byte platform subheader. Both carry a 10-bit session id; the mirrored frame
/// follows.
extension PacketDecoder {
    mutating func erspanTypeII(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(8, at: start, end: end, "ERSPAN type II") { return problem }
        guard frame[start] >> 4 == 1 else { return .other }  // version 1 is type II
        if let limit = push(.erspan, id: UInt32(frame.bigEndian16(start + 2) & 0x03ff), at: start) { return limit }
        return ethernet(at: start + 8, end: end)
    }

    mutating func erspanTypeIII(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(12, at: start, end: end, "ERSPAN type III") { return problem }
        guard frame[start] >> 4 == 2 else { return .other }  // version 2 is type III
        let hasSubheader = frame[start + 11] & 0x01 != 0
        let length = hasSubheader ? 20 : 12
        if let problem = header(length, at: start, end: end, "ERSPAN type III subheader") { return problem }
        if let limit = push(.erspan, id: UInt32(frame.bigEndian16(start + 2) & 0x03ff), at: start) { return limit }
        // The frame type: 0 an Ethernet frame, 2 an IP packet.
        switch frame[start + 10] >> 2 & 0x1f {
        case 0: return ethernet(at: start + length, end: end)
        case 2: return rawIP(at: start + length)
        default: return .other
        }
    }
}
