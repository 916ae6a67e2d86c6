import CaptureKit
import Testing

/// Random and damaged tunnel frames give a result or an error that says where, never a crash or a hang.
@Suite struct TunnelFuzzTests {
    /// Damaged in `CaptureFuzzTests.damagedBinaryCaptures` with the other fixtures.
    static let tunnelFixtures = [
        "vxlan-two-tenants.pcap", "vxlan-8472-ipv6.pcap", "vxlan-gpe.pcap", "geneve.pcap", "gre.pcap", "ip6gre.pcap",
        "erspan2.pcap", "erspan3.pcap", "sit.pcap", "nested.pcap", "mpls.pcap", "qinq.pcap", "pppoe.pcap",
        "ppp.pcap", "ppp-hdlc.pcap", "ppp-ether.pcap", "ipoib.pcap", "arcnet-bsd.pcap", "arcnet-linux.pcap",
        "juniper-ether.pcap", "juniper-ppp.pcap",
    ]
    /// Link types the random frames are recorded under: every one decoded, and one that is not.
    static let linkTypes: [UInt32] = [1, 7, 9, 50, 51, 101, 104, 113, 129, 178, 179, 181, 240, 241, 242, 276]

    /// One random layer around `inner`, chosen by `random`, with random ids and flags.
    static func wrap(_ inner: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        let id = UInt32(truncatingIfNeeded: random.next())
        let ethernet = Packets.ethernet(inner, etherType: etherType(inner))
        switch random.next() % 12 {
        case 0: return TunnelPackets.ipv4(17, TunnelPackets.udp(to: 4789, TunnelPackets.vxlan(vni: id, ethernet)))
        case 1: return TunnelPackets.ipv4(17, TunnelPackets.udp(to: 6081, TunnelPackets.geneve(vni: id, ethernet)))
        case 2: return TunnelPackets.ipv4(47, TunnelPackets.gre(type: etherType(inner), key: id, inner))
        case 3:
            return TunnelPackets.ipv6(
                47, TunnelPackets.gre(type: 0x88be, sequence: id, [0x10, 0, 0, 5, 0, 0, 0, 0] + ethernet))
        case 4:
            return TunnelPackets.ipv4(
                47,
                TunnelPackets.gre(
                    type: 0x22eb, sequence: id,
                    [0x20, 0, 0, 5] + [UInt8](repeating: 0, count: 8)
                        + ethernet))
        case 5: return TunnelPackets.ipv4(etherType(inner) == 0x86dd ? 41 : 4, inner)
        case 6: return TunnelPackets.ipv6(etherType(inner) == 0x86dd ? 41 : 4, inner)
        case 7:
            let next: UInt8 = inner.first.map { $0 >> 4 == 6 ? 2 : 1 } ?? 1
            return TunnelPackets.ipv4(17, TunnelPackets.udp(to: 4790, [0x0c, 0, 0, next, 0, 0, 5, 0] + inner))
        default:
            // Under Ethernet: MPLS, a PPPoE session or a VLAN tag, then the next layer's IP header.
            let framed: [UInt8]
            switch id % 3 {
            case 0: framed = Packets.ethernet(TunnelPackets.mpls([id & 0xfffff, 16], inner), etherType: 0x8847)
            case 1:
                framed = Packets.ethernet(TunnelPackets.pppoe(session: UInt16(id & 0xffff), inner), etherType: 0x8864)
            default: framed = Packets.ethernet(inner, etherType: etherType(inner), tags: [0x8100])
            }
            return TunnelPackets.ipv4(17, TunnelPackets.udp(to: 4789, TunnelPackets.vxlan(vni: id, framed)))
        }
    }

    /// The Ethernet type of an IP packet, from its version.
    static func etherType(_ packet: [UInt8]) -> UInt16 { packet.first.map { $0 >> 4 == 6 ? 0x86dd : 0x0800 } ?? 0 }

    /// A link-layer header for `linkType` around an IPv4 or IPv6 packet.
    static func frame(_ packet: [UInt8], linkType: UInt32) -> [UInt8] {
        let type = Packets.be16(etherType(packet))
        let isIPv6 = etherType(packet) == 0x86dd
        let ppp: [UInt8] = isIPv6 ? [0x00, 0x57] : [0x00, 0x21]
        let ethernet = Packets.ethernet(packet, etherType: etherType(packet))
        switch linkType {
        case 1: return ethernet
        case 7: return [1, 2, isIPv6 ? 0xc4 : 212, 0, 0, 0] + packet
        case 9, 50: return [0xff, 0x03] + ppp + packet
        case 51: return [0x11, 0, 0, 0x11] + Packets.be16(UInt16(truncatingIfNeeded: packet.count + 2)) + ppp + packet
        case 104: return [0x0f, 0] + type + packet
        case 113: return [UInt8](repeating: 0, count: 14) + type + packet
        case 129: return [1, 2, 0, 0, isIPv6 ? 0xc4 : 212, 0, 0, 0] + packet
        case 178: return [0x4d, 0x47, 0x43, 0x80, 0, 2, 1, 0] + ethernet
        case 179: return [0x4d, 0x47, 0x43, 0x01, 0xff, 0x03] + ppp + packet
        case 181: return [0x4d, 0x47, 0x43, 0x01, 0x0f, 0x00] + type + packet
        case 240: return [0, 0, 0, 0] + ethernet
        case 241: return [0, 0, 0, 0, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0xd5] + ethernet
        case 242: return [UInt8](repeating: 0, count: 40) + type + [0, 0] + packet
        case 276: return type + [UInt8](repeating: 0, count: 18) + packet
        default: return packet
        }
    }

    /// Stacks of 1 to 24 random layers (past the limit of 16), damaged two times in three. Every error names its
    /// packet and byte, since the file's own structure is left whole; an undamaged stack gives its one segment
    /// or, past the limit, says so.
    @Test func randomTunnelStacks() {
        var random = SplitMix64(state: 0x7e11_57ac)
        var handled = 0
        var decoded = 0
        for index in 0..<1500 {
            var packet = TunnelPackets.syn
            for _ in 0..<(1 + random.next() % 24) { packet = Self.wrap(packet, &random) }
            let linkType = Self.linkTypes[index % Self.linkTypes.count]
            var bytes = Self.frame(packet, linkType: linkType)
            let damaged = index % 3 != 0
            if damaged { bytes = CaptureFuzzTests.mutate(bytes, &random) }
            var writer = CaptureWriter.pcap(linkType: linkType)
            writer.record(seconds: 1, fraction: 0, frame: bytes, original: index % 5 == 0 ? bytes.count + 9 : nil)
            do throws(CaptureError) {
                let reader = try CaptureReader(bytes: writer.bytes, chunkSize: 128)
                var segments = 0
                while try reader.next() != nil { segments += 1 }
                decoded += segments
                if damaged || segments == 1 { handled += 1 }
            } catch {
                let tooDeep = error.message.hasPrefix("more than 16 tunnels, tags or labels are nested here")
                if error.offset != nil && error.packet == 1 && (damaged || tooDeep) { handled += 1 }
            }
        }
        #expect(handled == 1500)
        #expect(decoded > 100)
    }
}
