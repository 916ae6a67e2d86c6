/// Writes a capture's connection list as text or JSON Lines, straight into bytes.
public enum ListingFormatter {
    /// Bytes handed to a sink at a time: large listings are written as they are made.
    static let chunk = 1 << 18

    /// The header line, a column line, then one line per connection. A `tunnel` column after the hosts says
    /// what each connection was carried in, when any was (`vxlan vni 5001`, `vlan 10/20`).
    public static func text(_ listing: CaptureListing, file: String) -> [UInt8] {
        var all: [UInt8] = []
        text(listing, file: file) { all += $0 }
        return all
    }

    /// The same, handed to `sink` a chunk at a time.
    public static func text(_ listing: CaptureListing, file: String, sink: ([UInt8]) -> Void) {
        let connections = listing.connections
        var out = ASCIIBuffer(capacity: chunk + 4096)
        defer { if !out.bytes.isEmpty { sink(out.bytes) } }
        let plural = connections.count == 1 ? "" : "s"
        let unit = listing.format == .text ? "lines" : "packets"
        out.append(
            "\(file): \(listing.format.rawValue), \(connections.count) TCP connection\(plural), "
                + "\(listing.segments) TCP segments in \(listing.records) \(unit)\n")
        guard !connections.isEmpty else { return }
        let start = listing.captureStart?.nanoseconds ?? 0
        var widthA = 6
        var widthB = 6
        for connection in connections {
            widthA = max(widthA, ASCIIBuffer.width(of: connection.hostA))
            widthB = max(widthB, ASCIIBuffer.width(of: connection.hostB))
        }
        let tunnels = Self.tunnelTexts(connections)
        let widthTunnel = tunnels.map { max($0.values.map(\.count).max() ?? 0, 6) } ?? 0
        let widthStream = max(ASCIIBuffer.digitCount(UInt64(connections.count - 1)), 6)
        func cell(_ text: String, _ width: Int) {
            out.append(text)
            out.append(spaces: width - text.count + 2)
        }
        cell("stream", widthStream)
        cell("A", widthA)
        cell("B", widthB)
        if tunnels != nil { cell("tunnel", widthTunnel) }
        out.append("packets     first s      last s  opened               closed\n")
        // The words for each way of opening and closing, made once.
        var openings: [ConnectionOpening: [UInt8]] = [:]
        for opening in [ConnectionOpening.threeWayHandshake, .simultaneousOpen, .refused, .unanswered, .midstream] {
            openings[opening] =
                Array(opening.text.utf8) + Array(repeating: 0x20, count: max(21 - opening.text.count, 1))
        }
        var closings: [ConnectionClosing: [UInt8]] = [:]
        for connection in connections {
            var mark = out.bytes.count
            out.append(connection.stream)
            out.append(spaces: widthStream + 2 - (out.bytes.count - mark))
            mark = out.bytes.count
            out.append(connection.hostA)
            out.append(spaces: widthA + 2 - (out.bytes.count - mark))
            mark = out.bytes.count
            out.append(connection.hostB)
            out.append(spaces: widthB + 2 - (out.bytes.count - mark))
            if let tunnels {
                let text = tunnels[connection.tunnel] ?? ""
                out.append(text)
                out.append(spaces: widthTunnel + 2 - text.count)
            }
            out.append(spaces: 7 - ASCIIBuffer.digitCount(UInt64(connection.packets)))
            out.append(connection.packets)
            mark = out.bytes.count
            out.append(spaces: 2)
            out.append(seconds: connection.firstTime.nanoseconds &- start)
            out.rightAlign(from: mark, width: 12)
            mark = out.bytes.count
            out.append(spaces: 2)
            out.append(seconds: connection.lastTime.nanoseconds &- start)
            out.rightAlign(from: mark, width: 12)
            out.append(spaces: 2)
            out.bytes.append(contentsOf: openings[connection.opening, default: []])
            if let text = closings[connection.closing] {
                out.bytes.append(contentsOf: text)
            } else {
                let text = Array(connection.closing.text.utf8)
                closings[connection.closing] = text
                out.bytes.append(contentsOf: text)
            }
            out.append(byte: 0x0a)
            out.handOver(to: sink, atLeast: chunk)
        }
    }

    /// One `{"kind":"connection",...}` object per line.
    public static func json(_ listing: CaptureListing) -> [UInt8] {
        var all: [UInt8] = []
        json(listing) { all += $0 }
        return all
    }

    /// The same, handed to `sink` a chunk at a time.
    public static func json(_ listing: CaptureListing, sink: ([UInt8]) -> Void) {
        let start = listing.captureStart?.nanoseconds ?? 0
        var out = ASCIIBuffer(capacity: chunk + 4096)
        defer { if !out.bytes.isEmpty { sink(out.bytes) } }
        for connection in listing.connections {
            out.append("{\"kind\":\"connection\",\"stream\":")
            out.append(connection.stream)
            out.append(",\"A\":\"")
            out.append(connection.hostA)
            out.append("\",\"B\":\"")
            out.append(connection.hostB)
            out.append("\"")
            if !connection.tunnel.isEmpty {
                out.appendJSONKey("tunnel")
                out.appendJSON(connection.tunnel.description)
            }
            let counts: [(name: String, count: UInt64)] = [
                ("packets", UInt64(connection.packets)), ("packetsA", UInt64(connection.packetsFromA)),
                ("packetsB", UInt64(connection.packetsFromB)), ("bytesA", connection.bytesFromA),
                ("bytesB", connection.bytesFromB),
            ]
            for (name, count) in counts {
                out.appendJSONKey(name)
                out.append(count)
            }
            for (name, time) in [("first", connection.firstTime), ("last", connection.lastTime)] {
                out.appendJSONKey(name)
                out.append(seconds: time.nanoseconds &- start)
            }
            for (name, packet) in [("firstPacket", connection.firstPacket), ("lastPacket", connection.lastPacket)] {
                out.appendJSONKey(name)
                out.append(packet)
            }
            out.appendJSONKey("opened")
            out.appendJSON(connection.opening.rawValue)
            out.appendJSONKey("closed")
            out.appendJSON(connection.closing.key)
            out.appendJSONKey("closedBy")
            if let host = connection.closing.host { out.appendJSON(host.rawValue) } else { out.append("null") }
            out.append("}\n")
            out.handOver(to: sink, atLeast: chunk)
        }
    }

    /// Each tunnel's words, worked out once per tunnel; nil when no connection came through one.
    private static func tunnelTexts(_ connections: [ConnectionSummary]) -> [Encapsulation: String]? {
        var texts: [Encapsulation: String] = [:]
        for connection in connections where !connection.tunnel.isEmpty && texts[connection.tunnel] == nil {
            texts[connection.tunnel] = connection.tunnel.description
        }
        return texts.isEmpty ? nil : texts
    }
}
