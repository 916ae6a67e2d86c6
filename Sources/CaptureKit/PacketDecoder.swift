import TCPCore

/// What the decoder found in one frame.
enum DecodeResult {
    /// The tunnel it came through is the decoder's `tunnel`.
    case tcp(source: SocketAddress, destination: SocketAddress, segment: Segment)
    /// Not TCP, a later IP fragment, or too short to hold a TCP header: skipped quietly.
    case other
    /// The frame is damaged where a header says more bytes follow than the frame holds, or it nests more headers
    /// than we look through: `offset` is the byte in the frame where the problem starts, the decoder's `problem`
    /// says what it is. (No text in the result itself: a result that only holds numbers is copied for free, and
    /// every packet's result is handed up through each layer.)
    case damaged(offset: Int)
}

/// Finds the TCP segment in a captured frame: link layer, any tunnels, then IPv4 or IPv6, then the TCP header.
/// Payload length comes from the IP header, so frames cut short by the snap length still count.
///
/// Each layer is a method that reads its header at a byte offset in the frame and hands the rest to the next
/// one, so offsets in messages are offsets in the frame; the link layers, tunnels and label stacks live in their
/// own files as extensions. `end` is where the enclosing header says its payload ends (the frame's end when it
/// does not say), which tells a header cut short by damage from a packet that is simply not what it seemed.
struct PacketDecoder {
    static let etherTypeIPv4: UInt16 = 0x0800
    static let etherTypeIPv6: UInt16 = 0x86dd
    /// Most headers we look through between the link layer and TCP (VLAN tags, labels and tunnels together):
    /// far more than any real network nests, few enough that a crafted loop ends at once.
    static let maximumLayers = 16

    let frame: UnsafeRawBufferPointer
    /// Whether the capture kept fewer bytes than the wire carried (snap length): a header cut short is then
    /// expected, not damage.
    let snapped: Bool
    /// What the segment was carried in so far, outermost first.
    private(set) var layers: [TunnelLayer] = []
    /// What is wrong, after a `.damaged` result.
    private(set) var problem = ""

    init(frame: UnsafeRawBufferPointer, snapped: Bool = false) {
        self.frame = frame
        self.snapped = snapped
    }

    /// The frame, read as a capture of `linkType` shows it.
    mutating func decode(linkType: UInt32) -> DecodeResult { linkLayer(linkType) }

    /// What a decoded segment was carried in.
    var tunnel: Encapsulation { layers.isEmpty ? .none : Encapsulation(layers) }

    /// A header of `size` bytes at `start`: nil when it is there; otherwise why not. Quietly not TCP when the
    /// enclosing header says its payload is too short for it, or when the capture kept only the first bytes of
    /// the packet; damage when the enclosing header says the bytes are there and the frame holds fewer.
    mutating func header(_ size: Int, at start: Int, end: Int, _ name: String) -> DecodeResult? {
        if start + size <= min(end, frame.count) { return nil }
        if start + size > end || snapped { return .other }
        problem =
            "the \(name) header is cut short: it needs \(size) bytes from byte \(start) of the packet, but the "
            + "packet ends at byte \(frame.count) although the header before it promises \(end)"
        return .damaged(offset: start)
    }

    /// Records one more layer; the damage to report when there are more than we look through.
    mutating func push(_ kind: TunnelLayer.Kind, id: UInt32? = nil, at offset: Int) -> DecodeResult? {
        guard layers.count < Self.maximumLayers else {
            problem =
                "more than \(Self.maximumLayers) tunnels, tags or labels are nested here (\(tunnel), ...): "
                + "tcptutor looks through at most \(Self.maximumLayers)"
            return .damaged(offset: offset)
        }
        layers.append(TunnelLayer(kind, id: id))
        return nil
    }

    /// The payload of an Ethernet-style type field.
    mutating func etherType(_ type: UInt16, at start: Int, end: Int) -> DecodeResult {
        switch type {
        case Self.etherTypeIPv4: ipv4(at: start)
        case Self.etherTypeIPv6: ipv6(at: start)
        case 0x8100, 0x88a8, 0x9100: vlanTag(at: start, end: end)
        case 0x8847, 0x8848: mpls(at: start, end: end)
        case 0x8864: pppoeSession(at: start, end: end)
        case 0x6558: ethernet(at: start, end: end)  // transparent Ethernet bridging (gretap, Geneve)
        default: .other
        }
    }

    mutating func ipv4(at start: Int) -> DecodeResult {
        guard frame.count - start >= 20, frame[start] >> 4 == 4 else { return .other }
        let headerLength = Int(frame[start] & 0x0f) * 4
        guard headerLength >= 20 else { return .other }
        let fragmentOffset = frame.bigEndian16(start + 6) & 0x1fff
        guard fragmentOffset == 0 else { return .other }  // later fragments carry no TCP or tunnel header
        var totalLength = Int(frame.bigEndian16(start + 2))
        // Segmentation offload can leave 0 here in captures taken on the sending host.
        if totalLength == 0 { totalLength = frame.count - start }
        guard totalLength >= headerLength, frame.count - start >= headerLength else { return .other }
        let protocolNumber = frame[start + 9]
        guard protocolNumber == 6 else {
            return ipPayload(protocolNumber, at: start + headerLength, end: start + totalLength, inIPv6: false)
        }
        return tcp(
            at: start + headerLength, ipPayloadLength: totalLength - headerLength,
            source: IPAddress(ipv4: frame.bigEndian32(start + 12)),
            destination: IPAddress(ipv4: frame.bigEndian32(start + 16)))
    }

    mutating func ipv6(at start: Int) -> DecodeResult {
        guard frame.count - start >= 40, frame[start] >> 4 == 6 else { return .other }
        var payloadLength = Int(frame.bigEndian16(start + 4))
        if payloadLength == 0 { payloadLength = frame.count - start - 40 }  // jumbogram or offload
        var nextHeader = frame[start + 6]
        var offset = start + 40
        var remaining = payloadLength
        // Walk the extension headers (RFC 8200 §4) to the TCP header.
        for _ in 0..<16 {
            switch nextHeader {
            case 6:
                return tcp(
                    at: offset, ipPayloadLength: remaining,
                    source: IPAddress(ipv6High: frame.bigEndian64(start + 8), low: frame.bigEndian64(start + 16)),
                    destination: IPAddress(
                        ipv6High: frame.bigEndian64(start + 24), low: frame.bigEndian64(start + 32)))
            case 4, 17, 41, 47:
                return ipPayload(nextHeader, at: offset, end: offset + remaining, inIPv6: true)
            case 0, 43, 60, 135, 139, 140:  // hop-by-hop, routing, destination options, mobility, HIP, shim6
                guard frame.count >= offset + 2 else { return .other }
                let length = (Int(frame[offset + 1]) + 1) * 8
                nextHeader = frame[offset]
                offset += length
                remaining -= length
            case 44:  // fragment: only the first fragment holds the TCP header
                guard frame.count >= offset + 8 else { return .other }
                guard frame.bigEndian16(offset + 2) >> 3 == 0 else { return .other }
                nextHeader = frame[offset]
                offset += 8
                remaining -= 8
            case 51:  // authentication header: its length counts 4-byte units, minus 2
                guard frame.count >= offset + 2 else { return .other }
                let length = (Int(frame[offset + 1]) + 2) * 4
                nextHeader = frame[offset]
                offset += length
                remaining -= length
            default:
                return .other  // ESP (encrypted), no next header, or not TCP
            }
            guard remaining >= 0, offset <= frame.count else { return .other }
        }
        return .other
    }

    /// What an IP header carries other than TCP: another IP header, GRE, or UDP that may hold a tunnel.
    mutating func ipPayload(_ protocolNumber: UInt8, at start: Int, end: Int, inIPv6: Bool) -> DecodeResult {
        switch protocolNumber {
        case 4:
            if let limit = push(inIPv6 ? .ip4in6 : .ip4in4, at: start) { return limit }
            return header(20, at: start, end: end, "inner IPv4") ?? ipv4(at: start)
        case 41:
            if let limit = push(inIPv6 ? .ip6in6 : .ip6in4, at: start) { return limit }
            return header(40, at: start, end: end, "inner IPv6") ?? ipv6(at: start)
        case 47: return gre(at: start, end: end)
        case 17: return udp(at: start, end: end)
        default: return .other
        }
    }

    func tcp(at start: Int, ipPayloadLength: Int, source: IPAddress, destination: IPAddress) -> DecodeResult {
        guard frame.count - start >= 20 else { return .other }
        let dataOffset = Int(frame[start + 12] >> 4) * 4
        guard dataOffset >= 20, ipPayloadLength >= dataOffset else { return .other }
        var segment = Segment(
            flags: TCPFlags(rawValue: frame[start + 13]), seq: SequenceNumber(frame.bigEndian32(start + 4)),
            ack: nil, window: UInt32(frame.bigEndian16(start + 14)),
            payloadLength: UInt32(ipPayloadLength - dataOffset))
        segment.ackNumber = SequenceNumber(frame.bigEndian32(start + 8))
        return .tcp(
            source: SocketAddress(address: source, port: frame.bigEndian16(start)),
            destination: SocketAddress(address: destination, port: frame.bigEndian16(start + 2)), segment: segment)
    }
}
