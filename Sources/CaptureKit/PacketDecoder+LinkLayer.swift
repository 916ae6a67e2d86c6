/// The link layers where IP is found directly: Ethernet, Linux cooked captures, raw IP, BSD loopback, and the
/// dispatch from a capture's link type to its decoder.
extension PacketDecoder {
    mutating func linkLayer(_ linkType: UInt32) -> DecodeResult {
        let end = frame.count
        switch linkType {
        case LinkType.ethernet:
            return ethernet(at: 0, end: end)
        case LinkType.linuxCooked:
            guard end >= 16 else { return .other }
            return etherType(frame.bigEndian16(14), at: 16, end: end)
        case LinkType.linuxCooked2:
            guard end >= 20 else { return .other }
            return etherType(frame.bigEndian16(0), at: 20, end: end)
        case LinkType.raw, LinkType.rawBSD12, LinkType.rawBSD14, LinkType.ipv4, LinkType.ipv6:
            return rawIP(at: 0)
        case LinkType.null, LinkType.loop:
            return loopback()
        case LinkType.ppp, LinkType.pppHDLC:
            return pppFrame(at: 0, end: end)
        case LinkType.ciscoHDLC:
            return ciscoHDLC(at: 0, end: end)
        case LinkType.pppoe:
            return pppoeSession(at: 0, end: end)
        case LinkType.ipOverInfiniBand:
            return ipOverInfiniBand()
        case LinkType.arcnetBSD:
            return arcnetBSD()
        case LinkType.arcnetLinux:
            return arcnetLinux()
        case LinkType.juniperEthernet, LinkType.juniperPPP, LinkType.juniperCiscoHDLC:
            return juniper(linkType)
        case LinkType.netAnalyzer:
            return ethernet(at: 4, end: end)  // a 4-byte status header, then the frame
        case LinkType.netAnalyzerTransparent:
            return ethernet(at: 12, end: end)  // the status header, then preamble and start delimiter
        default:
            return .other
        }
    }

    /// Ethernet II; the type field may be a VLAN tag, a label stack or a PPPoE session.
    mutating func ethernet(at start: Int, end: Int) -> DecodeResult {
        guard start + 14 <= frame.count else { return .other }
        return etherType(frame.bigEndian16(start + 12), at: start + 14, end: end)
    }

    /// 802.1Q, 802.1ad (QinQ) and the older 0x9100: a 4-byte tag whose low 12 bits are the VLAN id, then the
    /// real type.
    mutating func vlanTag(at start: Int, end: Int) -> DecodeResult {
        guard start + 4 <= frame.count else { return .other }
        if let limit = push(.vlan, id: UInt32(frame.bigEndian16(start) & 0x0fff), at: start) { return limit }
        return etherType(frame.bigEndian16(start + 2), at: start + 4, end: end)
    }

    /// BSD loopback: a 4-byte address family in the capturing machine's byte order (null) or network order
    /// (loop). The value is small, so the byte order shows itself.
    private mutating func loopback() -> DecodeResult {
        guard frame.count >= 4 else { return .other }
        var family = frame.load32(0, bigEndian: false)
        if family > 0xffff { family = family.byteSwapped }
        switch family {
        case 2: return ipv4(at: 4)
        case 10, 24, 28, 30: return ipv6(at: 4)  // AF_INET6 on Linux, NetBSD/OpenBSD, FreeBSD, Darwin
        default: return .other
        }
    }

    /// An IP packet with no header before it: the version nibble says which.
    mutating func rawIP(at start: Int) -> DecodeResult {
        guard start < frame.count else { return .other }
        switch frame[start] >> 4 {
        case 4: return ipv4(at: start)
        case 6: return ipv6(at: start)
        default: return .other
        }
    }
}
