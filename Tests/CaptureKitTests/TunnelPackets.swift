/// Tunnel headers for tests, built byte by byte around a frame or packet (see `Packets` for the inner ones).
enum TunnelPackets {
    static let syn = Packets.ipv4(Packets.tcp(sourcePort: 3337, destinationPort: 7788, seq: 100, ack: 0, flags: 0x02))

    /// An IPv4 header (no options) carrying `payload` as `protocolNumber`; `totalLength` may claim another size.
    static func ipv4(_ protocolNumber: UInt8, _ payload: [UInt8], totalLength: Int? = nil) -> [UInt8] {
        var header: [UInt8] = [0x45, 0] + Packets.be16(UInt16(totalLength ?? 20 + payload.count)) + [0, 1, 0x40, 0]
        header += [64, protocolNumber, 0, 0] + Packets.be32(0x0acb_0001) + Packets.be32(0x0acb_0002)
        return header + payload
    }

    /// An IPv6 header carrying `payload` as `nextHeader`.
    static func ipv6(_ nextHeader: UInt8, _ payload: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [0x60, 0, 0, 0] + Packets.be16(UInt16(payload.count)) + [nextHeader, 64]
        header += [0xfd, 0, 0x02, 0x03] + [UInt8](repeating: 0, count: 11) + [1]
        header += [0xfd, 0, 0x02, 0x03] + [UInt8](repeating: 0, count: 11) + [2]
        return header + payload
    }

    /// A UDP datagram to `port`; `length` may claim another size.
    static func udp(to port: UInt16, _ payload: [UInt8], length: Int? = nil) -> [UInt8] {
        Packets.be16(50_000) + Packets.be16(port) + Packets.be16(UInt16(length ?? 8 + payload.count)) + [0, 0]
            + payload
    }

    static func vxlan(vni: UInt32, _ frame: [UInt8]) -> [UInt8] {
        [0x08, 0, 0, 0] + Packets.be32(vni << 8) + frame
    }

    static func geneve(vni: UInt32, type: UInt16 = 0x6558, optionWords: UInt8 = 0, _ payload: [UInt8]) -> [UInt8] {
        [optionWords & 0x3f, 0] + Packets.be16(type) + Packets.be32(vni << 8)
            + [UInt8](repeating: 0, count: Int(optionWords) * 4) + payload
    }

    static func gre(type: UInt16, key: UInt32? = nil, sequence: UInt32? = nil, _ payload: [UInt8]) -> [UInt8] {
        let flags: UInt8 = (key == nil ? 0 : 0x20) | (sequence == nil ? 0 : 0x10)
        return [flags, 0] + Packets.be16(type) + (key.map(Packets.be32) ?? []) + (sequence.map(Packets.be32) ?? [])
            + payload
    }

    /// A label stack, bottom of stack set on the last.
    static func mpls(_ labels: [UInt32], _ packet: [UInt8]) -> [UInt8] {
        labels.enumerated().flatMap { index, label in
            Packets.be32(label << 12 | (index == labels.count - 1 ? 0x100 : 0) | 64)
        } + packet
    }

    /// A PPPoE session header and PPP protocol field around an IP packet; `length` may claim another size.
    static func pppoe(session: UInt16, _ packet: [UInt8], length: Int? = nil) -> [UInt8] {
        let protocolNumber: [UInt8] = packet.first.map { $0 >> 4 == 6 } == true ? [0x00, 0x57] : [0x00, 0x21]
        return [0x11, 0] + Packets.be16(session) + Packets.be16(UInt16(length ?? packet.count + 2)) + protocolNumber
            + packet
    }

    static func ethernet(_ payload: [UInt8], etherType: UInt16 = 0x0800) -> [UInt8] {
        Packets.ethernet(payload, etherType: etherType)
    }
}
