/// PPPoE sessions (RFC 2516 §4): a 6-byte header whose length field covers the PPP frame that follows.
extension PacketDecoder {
    mutating func pppoeSession(at start: Int, end: Int) -> DecodeResult {
        if let problem = header(6, at: start, end: end, "PPPoE") { return problem }
        // Version 1, type 1, code 0: session data. Discovery packets (0x8863) never get here.
        guard frame[start] == 0x11, frame[start + 1] == 0 else { return .other }
        let session = UInt32(frame.bigEndian16(start + 2))
        let payloadEnd = start + 6 + Int(frame.bigEndian16(start + 4))
        if let limit = push(.pppoe, id: session, at: start) { return limit }
        if let problem = header(2, at: start + 6, end: payloadEnd, "PPP") { return problem }
        return pppProtocol(at: start + 6, end: payloadEnd)
    }
}
