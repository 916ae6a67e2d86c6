/// The link-layer header types we can find IP in (tcpdump.org "LINKTYPE_" values, which pcap and pcapng share).
enum LinkType {
    static let null: UInt32 = 0
    static let ethernet: UInt32 = 1
    static let arcnetBSD: UInt32 = 7
    static let ppp: UInt32 = 9
    /// DLT_RAW as some BSDs number it.
    static let rawBSD12: UInt32 = 12
    /// DLT_RAW as other BSDs number it.
    static let rawBSD14: UInt32 = 14
    /// PPP in HDLC-like framing (RFC 1662), or Cisco HDLC.
    static let pppHDLC: UInt32 = 50
    /// PPPoE session packets without the Ethernet header.
    static let pppoe: UInt32 = 51
    static let raw: UInt32 = 101
    static let ciscoHDLC: UInt32 = 104
    static let loop: UInt32 = 108
    static let linuxCooked: UInt32 = 113
    static let arcnetLinux: UInt32 = 129
    static let juniperEthernet: UInt32 = 178
    static let juniperPPP: UInt32 = 179
    static let juniperCiscoHDLC: UInt32 = 181
    static let ipv4: UInt32 = 228
    static let ipv6: UInt32 = 229
    /// Hilscher netANALYZER: Ethernet with a 4-byte status header, and with the preamble too.
    static let netAnalyzer: UInt32 = 240
    static let netAnalyzerTransparent: UInt32 = 241
    static let ipOverInfiniBand: UInt32 = 242
    static let linuxCooked2: UInt32 = 276

    /// Every link type we decode, with its name for messages, in the order messages list them.
    static let supported: [(type: UInt32, name: String)] = [
        (ethernet, "Ethernet"), (linuxCooked, "Linux cooked capture"), (linuxCooked2, "Linux cooked capture v2"),
        (raw, "raw IP"), (rawBSD12, "raw IP"), (rawBSD14, "raw IP"), (ipv4, "raw IPv4"), (ipv6, "raw IPv6"),
        (null, "BSD loopback"), (loop, "OpenBSD loopback"), (ppp, "PPP"), (pppHDLC, "PPP in HDLC framing"),
        (pppoe, "PPPoE"), (ciscoHDLC, "Cisco HDLC"), (ipOverInfiniBand, "Linux IP over InfiniBand"),
        (arcnetBSD, "ARCnet"), (arcnetLinux, "Linux ARCnet"), (juniperEthernet, "Juniper Ethernet"),
        (juniperPPP, "Juniper PPP"), (juniperCiscoHDLC, "Juniper Cisco HDLC"), (netAnalyzer, "netANALYZER"),
        (netAnalyzerTransparent, "netANALYZER transparent"),
    ]

    /// Whether packets of this link type can be decoded at all.
    static func isSupported(_ type: UInt32) -> Bool {
        switch type {
        case null, ethernet, rawBSD12, rawBSD14, raw, loop, linuxCooked, ipv4, ipv6, linuxCooked2, ppp, pppHDLC,
            pppoe, ciscoHDLC, ipOverInfiniBand, arcnetBSD, arcnetLinux,
            juniperEthernet, juniperPPP, juniperCiscoHDLC, netAnalyzer, netAnalyzerTransparent:
            true
        default: false
        }
    }

    /// A name for messages.
    static func name(_ type: UInt32) -> String {
        supported.first { $0.type == type }?.name ?? "link type \(type)"
    }

    /// `link type 147 is not supported; these are: Ethernet (1), ...`
    static func refusal(_ type: UInt32) -> String {
        var seen: Set<String> = []
        let names = supported.compactMap { entry -> String? in
            guard seen.insert(entry.name).inserted else { return nil }
            let numbers = supported.filter { $0.name == entry.name }.map { String($0.type) }
            return "\(entry.name) (\(numbers.joined(separator: ", ")))"
        }
        return "link type \(type) is not supported; these are: " + names.joined(separator: ", ")
    }
}
