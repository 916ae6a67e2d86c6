import CaptureKit
import Foundation
import TCPCore

/// tcpdump's own reading of a fixture (`tcpdump -nn -S -r FILE`, saved beside it), turned into segments by the
/// text reader: each TCP line loses what tcpdump printed of the tunnel before the inner `IP`/`IP6`, keeps its
/// timestamp (VXLAN's inner packet is printed on a line of its own, under the outer one's), and is read as
/// plain tcpdump output.
struct TcpdumpReading {
    /// The segments tcpdump found, in order.
    var segments: [CapturedSegment]
    /// For each segment, what tcpdump printed before its inner IP header (the tunnel, in tcpdump's words).
    var outer: [String]

    /// The reading of fixture `name`, keeping only the segments whose outer text passes `keep` (tcpdump's text
    /// has no tunnel in its connections, so two tenants' identical 4-tuples must be read apart).
    init(_ name: String, keep: (String) -> Bool = { _ in true }) throws {
        let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
        var time = ""
        var previous = ""
        var plain: [String] = []
        outer = []
        for line in text.split(separator: "\n").map(String.init) {
            if let first = line.first, first.isNumber { time = String(line.prefix { $0 != " " }) }
            defer { previous = line }
            guard let flags = line.range(of: ": Flags [") else { continue }
            let head = line[..<flags.lowerBound]
            let start = [" IP ", " IP6 "].compactMap { head.range(of: $0, options: .backwards)?.lowerBound }.max()
            let inner = start.map { line[line.index(after: $0)...] } ?? line[...]
            let outerText = start.map { String(line[..<$0]) } ?? previous
            guard keep(outerText) else { continue }
            outer.append(outerText)
            plain.append(time + " " + inner)
        }
        segments = try Fixtures.readAll(CaptureReader(bytes: Array((plain.joined(separator: "\n") + "\n").utf8)))
    }
}

/// tshark's reading of an ERSPAN fixture (tcpdump prints ERSPAN only as a GRE protocol number): one segment a
/// line, tab-separated: frame number, session id, source address and port, destination address and port, TCP
/// flags, raw seq and ack, payload length.
struct TsharkReading {
    struct Line {
        var frame: Int
        var session: UInt32
        var key: SegmentKey
    }

    var lines: [Line]

    /// The reading of fixture `name`, keeping only the segments whose outer text passes `keep` (tcpdump's text
    /// has no tunnel in its connections, so two tenants' identical 4-tuples must be read apart).
    init(_ name: String, keep: (String) -> Bool = { _ in true }) throws {
        let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
        lines = try text.split(separator: "\n").map { row in
            let fields = row.split(separator: "\t").map(String.init)
            guard fields.count == 10, let frame = Int(fields[0]), let session = UInt32(fields[1]),
                let source = IPAddress(fields[2]), let sourcePort = UInt16(fields[3]),
                let destination = IPAddress(fields[4]), let destinationPort = UInt16(fields[5]),
                let flags = UInt16(fields[6].dropFirst(2), radix: 16), let seq = UInt32(fields[7]),
                let ack = UInt32(fields[8]), let length = UInt32(fields[9])
            else { throw ReadingError.unreadable(String(row)) }
            let flagBits = UInt8(flags & 0xff)
            let key = SegmentKey(
                source: SocketAddress(address: source, port: sourcePort),
                destination: SocketAddress(address: destination, port: destinationPort),
                flags: TCPFlags(rawValue: flagBits), seq: seq, ack: flagBits & 0x10 != 0 ? ack : nil, length: length)
            return Line(frame: frame, session: session, key: key)
        }
    }

    enum ReadingError: Error {
        case unreadable(String)
    }
}

extension SegmentKey {
    init(
        source: SocketAddress, destination: SocketAddress, flags: TCPFlags, seq: UInt32, ack: UInt32?, length: UInt32
    ) {
        self.source = source
        self.destination = destination
        self.flags = flags
        self.seq = seq
        self.ack = ack
        self.length = length
    }
}
