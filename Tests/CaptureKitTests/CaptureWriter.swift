/// Builds pcap and pcapng files byte by byte, for tests of what real tools rarely write.
struct CaptureWriter {
    var bytes: [UInt8] = []
    var bigEndian = false

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: ordered) { bytes.append(contentsOf: $0) }
    }

    mutating func u32(_ value: UInt32) {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: ordered) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: ordered) { bytes.append(contentsOf: $0) }
    }

    mutating func pad4() { while bytes.count % 4 != 0 { bytes.append(0) } }

    /// A classic pcap header.
    static func pcap(
        linkType: UInt32, bigEndian: Bool = false, magic: UInt32 = 0xa1b2_c3d4, snapLength: UInt32 = 262_144
    ) -> CaptureWriter {
        var writer = CaptureWriter(bigEndian: bigEndian)
        writer.u32(magic)
        writer.u16(2)
        writer.u16(4)
        writer.u32(0)
        writer.u32(0)
        writer.u32(snapLength)
        writer.u32(linkType)
        return writer
    }

    /// A pcap record; `original` defaults to the frame's length.
    mutating func record(seconds: UInt32, fraction: UInt32, frame: [UInt8], original: Int? = nil, extra: Int = 0) {
        u32(seconds)
        u32(fraction)
        u32(UInt32(frame.count))
        u32(UInt32(original ?? frame.count))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: extra))  // the modified format's 8 more bytes
        bytes.append(contentsOf: frame)
    }

    /// A pcapng block: type, length, body (padded), length again.
    mutating func block(_ type: UInt32, _ body: (inout CaptureWriter) -> Void) {
        var inner = CaptureWriter(bigEndian: bigEndian)
        body(&inner)
        inner.pad4()
        let length = UInt32(inner.bytes.count + 12)
        u32(type)
        u32(length)
        bytes.append(contentsOf: inner.bytes)
        u32(length)
    }

    mutating func sectionHeader() {
        block(0x0a0d_0d0a) { body in
            body.u32(0x1a2b_3c4d)
            body.u16(1)
            body.u16(0)
            body.u64(UInt64.max)
        }
    }

    /// An interface description with optional if_tsresol and if_tsoffset.
    mutating func interface(linkType: UInt16, resolution: UInt8? = nil, offsetSeconds: Int64? = nil) {
        block(1) { body in
            body.u16(linkType)
            body.u16(0)
            body.u32(0)
            if let resolution {
                body.u16(9)
                body.u16(1)
                body.u8(resolution)
                body.pad4()
            }
            if let offsetSeconds {
                body.u16(14)
                body.u16(8)
                body.u64(UInt64(bitPattern: offsetSeconds))
            }
            if resolution != nil || offsetSeconds != nil {
                body.u16(0)
                body.u16(0)
            }
        }
    }

    mutating func enhancedPacket(interface: UInt32, timestamp: UInt64, frame: [UInt8], original: Int? = nil) {
        block(6) { body in
            body.u32(interface)
            body.u32(UInt32(timestamp >> 32))
            body.u32(UInt32(timestamp & 0xffff_ffff))
            body.u32(UInt32(frame.count))
            body.u32(UInt32(original ?? frame.count))
            body.bytes.append(contentsOf: frame)
        }
    }

    mutating func simplePacket(frame: [UInt8]) {
        block(3) { body in
            body.u32(UInt32(frame.count))
            body.bytes.append(contentsOf: frame)
        }
    }
}

/// Frames for tests: IPv4/IPv6 packets carrying a TCP header, wrapped in link layers.
enum Packets {
    /// A 20-byte TCP header (no options) followed by `payload` zero bytes.
    static func tcp(
        sourcePort: UInt16, destinationPort: UInt16, seq: UInt32, ack: UInt32, flags: UInt8, window: UInt16 = 512,
        payload: Int = 0
    ) -> [UInt8] {
        var header: [UInt8] = []
        header += be16(sourcePort) + be16(destinationPort) + be32(seq) + be32(ack)
        header += [0x50, flags] + be16(window) + [0, 0, 0, 0]
        return header + [UInt8](repeating: 0x61, count: payload)
    }

    /// An IPv4 packet; `options` 4-byte words make the header longer; `fragmentOffset` in 8-byte units.
    static func ipv4(
        _ tcp: [UInt8], source: UInt32 = 0x0ac9_0001, destination: UInt32 = 0x0ac9_0002, options: Int = 0,
        fragmentOffset: UInt16 = 0, moreFragments: Bool = false, totalLength: Int? = nil
    ) -> [UInt8] {
        let headerLength = 20 + options * 4
        let total = totalLength ?? headerLength + tcp.count
        var header: [UInt8] = [0x40 | UInt8(headerLength / 4), 0] + be16(UInt16(total)) + [0, 1]
        header += be16((moreFragments ? 0x2000 : 0) | fragmentOffset) + [64, 6, 0, 0]
        header += be32(source) + be32(destination)
        header += [UInt8](repeating: 1, count: options * 4)  // NOPs
        return header + tcp
    }

    /// An IPv6 packet with the given extension headers (each: next-header value and its 8-byte-multiple body).
    static func ipv6(_ tcp: [UInt8], extensions: [(type: UInt8, body: [UInt8])] = []) -> [UInt8] {
        var chain: [UInt8] = []
        for (position, header) in extensions.enumerated() {
            let next = position + 1 < extensions.count ? extensions[position + 1].type : 6
            chain += [next] + header.body
        }
        let first = extensions.first?.type ?? 6
        var header: [UInt8] = [0x60, 0, 0, 0] + be16(UInt16(chain.count + tcp.count)) + [first, 64]
        header += [0xfd, 0, 0x02, 0x01] + [UInt8](repeating: 0, count: 11) + [1]
        header += [0xfd, 0, 0x02, 0x01] + [UInt8](repeating: 0, count: 11) + [2]
        return header + chain + tcp
    }

    /// Ethernet with optional VLAN tags (each a TPID).
    static func ethernet(_ payload: [UInt8], etherType: UInt16 = 0x0800, tags: [UInt16] = []) -> [UInt8] {
        var frame = [UInt8](repeating: 0x02, count: 12)
        for tag in tags { frame += be16(tag) + [0, 7] }
        return frame + be16(etherType) + payload
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xff)] }

    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
