/// The link-layer header types we can find IP in (tcpdump.org "LINKTYPE_" values, which pcap and pcapng share).
enum LinkType {
    static let null: UInt32 = 0
    static let ethernet: UInt32 = 1
    /// DLT_RAW as some BSDs number it.
    static let rawBSD12: UInt32 = 12
    /// DLT_RAW as other BSDs number it.
    static let rawBSD14: UInt32 = 14
    static let raw: UInt32 = 101
    static let loop: UInt32 = 108
    static let linuxCooked: UInt32 = 113
    static let ipv4: UInt32 = 228
    static let ipv6: UInt32 = 229
    static let linuxCooked2: UInt32 = 276

    /// Whether packets of this link type can be decoded at all.
    static func isSupported(_ type: UInt32) -> Bool {
        switch type {
        case null, ethernet, rawBSD12, rawBSD14, raw, loop, linuxCooked, ipv4, ipv6, linuxCooked2: true
        default: false
        }
    }

    /// A name for messages.
    static func name(_ type: UInt32) -> String {
        switch type {
        case null: "BSD loopback"
        case ethernet: "Ethernet"
        case rawBSD12, rawBSD14, raw: "raw IP"
        case loop: "OpenBSD loopback"
        case linuxCooked: "Linux cooked capture"
        case ipv4: "raw IPv4"
        case ipv6: "raw IPv6"
        case linuxCooked2: "Linux cooked capture v2"
        default: "link type \(type)"
        }
    }
}
