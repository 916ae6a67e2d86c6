/// MPLS label stacks (RFC 3032): 4-byte entries down to the one with the bottom-of-stack bit.
extension PacketDecoder {
    mutating func mpls(at start: Int, end: Int) -> DecodeResult {
        var offset = start
        while true {
            guard offset + 4 <= frame.count else { return .other }
            let entry = frame.bigEndian32(offset)
            if let limit = push(.mpls, id: entry >> 12, at: offset) { return limit }
            offset += 4
            if entry & 0x100 != 0 { break }  // bottom of stack (RFC 3032 §2.1)
        }
        // The stack does not say what it carries (RFC 3032 §2.2): the first nibble does, as routers and tcpdump
        // guess. A pseudowire (a control word, then Ethernet) is not IP and is left alone.
        return rawIP(at: offset)
    }
}
