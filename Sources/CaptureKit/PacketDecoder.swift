import TCPCore

/// What the decoder found in one frame.
enum DecodeResult {
    case tcp(source: SocketAddress, destination: SocketAddress, segment: Segment)
    /// Not TCP, a later IP fragment, or too short to hold a TCP header: skipped quietly.
    case other
}

/// Finds the TCP segment in a captured frame: link layer, then IPv4 or IPv6, then the TCP header. Payload length
/// comes from the IP header, so frames cut short by the snap length still count.
enum PacketDecoder {
    static let etherTypeIPv4: UInt16 = 0x0800
    static let etherTypeIPv6: UInt16 = 0x86dd
    /// Most nested VLAN tags we look through (802.1Q inside 802.1ad inside ...).
    static let maximumVLANTags = 8

    static func decode(linkType: UInt32, frame: UnsafeRawBufferPointer) -> DecodeResult {
        switch linkType {
        case LinkType.ethernet:
            return decodeEthernet(frame)
        case LinkType.linuxCooked:
            guard frame.count >= 16 else { return .other }
            return decodeIP(etherType: frame.bigEndian16(14), UnsafeRawBufferPointer(rebasing: frame[16...]))
        case LinkType.linuxCooked2:
            guard frame.count >= 20 else { return .other }
            return decodeIP(etherType: frame.bigEndian16(0), UnsafeRawBufferPointer(rebasing: frame[20...]))
        case LinkType.raw, LinkType.rawBSD12, LinkType.rawBSD14, LinkType.ipv4, LinkType.ipv6:
            return decodeRawIP(frame)
        case LinkType.null, LinkType.loop:
            return decodeLoopback(frame)
        default:
            return .other
        }
    }

    private static func decodeEthernet(_ frame: UnsafeRawBufferPointer) -> DecodeResult {
        guard frame.count >= 14 else { return .other }
        var offset = 12
        var etherType = frame.bigEndian16(offset)
        var tags = 0
        // 802.1Q, 802.1ad (QinQ) and the older 0x9100: a 4-byte tag, then the real type.
        while etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100, tags < maximumVLANTags {
            offset += 4
            guard frame.count >= offset + 2 else { return .other }
            etherType = frame.bigEndian16(offset)
            tags += 1
        }
        return decodeIP(etherType: etherType, UnsafeRawBufferPointer(rebasing: frame[(offset + 2)...]))
    }

    /// BSD loopback: a 4-byte address family in the capturing machine's byte order (null) or network order
    /// (loop). The value is small, so the byte order shows itself.
    private static func decodeLoopback(_ frame: UnsafeRawBufferPointer) -> DecodeResult {
        guard frame.count >= 4 else { return .other }
        var family = frame.load32(0, bigEndian: false)
        if family > 0xffff { family = family.byteSwapped }
        let payload = UnsafeRawBufferPointer(rebasing: frame[4...])
        switch family {
        case 2: return decodeIPv4(payload)
        case 10, 24, 28, 30: return decodeIPv6(payload)  // AF_INET6 on Linux, NetBSD/OpenBSD, FreeBSD, Darwin
        default: return .other
        }
    }

    private static func decodeRawIP(_ packet: UnsafeRawBufferPointer) -> DecodeResult {
        guard let first = packet.first else { return .other }
        switch first >> 4 {
        case 4: return decodeIPv4(packet)
        case 6: return decodeIPv6(packet)
        default: return .other
        }
    }

    private static func decodeIP(etherType: UInt16, _ packet: UnsafeRawBufferPointer) -> DecodeResult {
        switch etherType {
        case etherTypeIPv4: decodeIPv4(packet)
        case etherTypeIPv6: decodeIPv6(packet)
        default: .other
        }
    }

    private static func decodeIPv4(_ packet: UnsafeRawBufferPointer) -> DecodeResult {
        guard packet.count >= 20, packet[0] >> 4 == 4 else { return .other }
        let headerLength = Int(packet[0] & 0x0f) * 4
        guard headerLength >= 20, packet[9] == 6 else { return .other }
        let fragmentOffset = packet.bigEndian16(6) & 0x1fff
        guard fragmentOffset == 0 else { return .other }  // later fragments carry no TCP header
        var totalLength = Int(packet.bigEndian16(2))
        // Segmentation offload can leave 0 here in captures taken on the sending host.
        if totalLength == 0 { totalLength = packet.count }
        guard totalLength >= headerLength else { return .other }
        let source = IPAddress(ipv4: packet.bigEndian32(12))
        let destination = IPAddress(ipv4: packet.bigEndian32(16))
        guard packet.count >= headerLength else { return .other }
        return decodeTCP(
            UnsafeRawBufferPointer(rebasing: packet[headerLength...]), ipPayloadLength: totalLength - headerLength,
            source: source, destination: destination)
    }

    private static func decodeIPv6(_ packet: UnsafeRawBufferPointer) -> DecodeResult {
        guard packet.count >= 40, packet[0] >> 4 == 6 else { return .other }
        var payloadLength = Int(packet.bigEndian16(4))
        if payloadLength == 0 { payloadLength = packet.count - 40 }  // jumbogram or offload: use what is there
        var nextHeader = packet[6]
        let source = IPAddress(ipv6High: packet.bigEndian64(8), low: packet.bigEndian64(16))
        let destination = IPAddress(ipv6High: packet.bigEndian64(24), low: packet.bigEndian64(32))
        var offset = 40
        var remaining = payloadLength
        // Walk the extension headers (RFC 8200 §4) to the TCP header.
        for _ in 0..<16 {
            switch nextHeader {
            case 6:
                return decodeTCP(
                    UnsafeRawBufferPointer(rebasing: packet[offset...]), ipPayloadLength: remaining, source: source,
                    destination: destination)
            case 0, 43, 60, 135, 139, 140:  // hop-by-hop, routing, destination options, mobility, HIP, shim6
                guard packet.count >= offset + 2 else { return .other }
                let length = (Int(packet[offset + 1]) + 1) * 8
                nextHeader = packet[offset]
                offset += length
                remaining -= length
            case 44:  // fragment: only the first fragment holds the TCP header
                guard packet.count >= offset + 8 else { return .other }
                guard packet.bigEndian16(offset + 2) >> 3 == 0 else { return .other }
                nextHeader = packet[offset]
                offset += 8
                remaining -= 8
            case 51:  // authentication header: its length counts 4-byte units, minus 2
                guard packet.count >= offset + 2 else { return .other }
                let length = (Int(packet[offset + 1]) + 2) * 4
                nextHeader = packet[offset]
                offset += length
                remaining -= length
            default:
                return .other  // ESP (encrypted), no next header, or not TCP
            }
            guard remaining >= 0, offset <= packet.count else { return .other }
        }
        return .other
    }

    private static func decodeTCP(
        _ header: UnsafeRawBufferPointer, ipPayloadLength: Int, source: IPAddress, destination: IPAddress
    ) -> DecodeResult {
        guard header.count >= 20 else { return .other }
        let dataOffset = Int(header[12] >> 4) * 4
        guard dataOffset >= 20, ipPayloadLength >= dataOffset else { return .other }
        let flags = TCPFlags(rawValue: header[13])
        var segment = Segment(
            flags: flags, seq: SequenceNumber(header.bigEndian32(4)), ack: nil,
            window: UInt32(header.bigEndian16(14)), payloadLength: UInt32(ipPayloadLength - dataOffset))
        segment.ackNumber = SequenceNumber(header.bigEndian32(8))
        return .tcp(
            source: SocketAddress(address: source, port: header.bigEndian16(0)),
            destination: SocketAddress(address: destination, port: header.bigEndian16(2)), segment: segment)
    }
}
