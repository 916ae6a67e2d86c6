/// Juniper routers' captures (link types 178 Ethernet, 179 PPP, 181 Cisco HDLC): "MGC", a flags byte, optional
/// extension TLVs, then the interface's own frame, or bare IP when the flags say the link header was stripped.
extension PacketDecoder {
    static let juniperMagic: UInt32 = 0x4d_4743  // "MGC"
    static let juniperExtensions: UInt8 = 0x80
    static let juniperNoLinkHeader: UInt8 = 0x02

    mutating func juniper(_ linkType: UInt32) -> DecodeResult {
        guard frame.count >= 4, frame.bigEndian32(0) >> 8 == Self.juniperMagic else { return .other }
        let flags = frame[3]
        var start = 4
        if flags & Self.juniperExtensions != 0 {
            guard frame.count >= 6 else { return .other }
            start = 6 + Int(frame.bigEndian16(4))
        }
        // Without a link header, 4 more bytes (a cookie) precede the IP header.
        if flags & Self.juniperNoLinkHeader != 0 { return rawIP(at: start + 4) }
        let end = frame.count
        switch linkType {
        case LinkType.juniperEthernet: return ethernet(at: start, end: end)
        case LinkType.juniperPPP: return pppFrame(at: start, end: end)
        default: return ciscoHDLC(at: start, end: end)
        }
    }
}
