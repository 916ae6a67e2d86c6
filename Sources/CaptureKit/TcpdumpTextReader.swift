import TCPCore
import TCPNotation

/// Reads tcpdump's text output, one packet a line: the seed's old form
/// (`IP 192.168.1.116.3337 > 192.168.1.123.7788: S 3626544836:3626544836(0)`) and today's
/// (`IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S.], seq 1, ack 2, win 512, length 0`), with or without timestamps,
/// IPv4 or IPv6, `-e` link headers and `-v` two-line packets. Lines that are not TCP are skipped. In a tunnel
/// the TCP packet is the innermost address pair (tcpdump prints VXLAN's inner frame on a line of its own), and
/// the tunnel is what tcpdump printed before it.
final class TcpdumpTextReader: SegmentSource {
    /// A line longer than this is not tcpdump output.
    static let maximumLineLength = 1 << 16

    private let stream: ByteStream
    private var numbering = TextNumbering()
    /// The time from a `-v` header line whose addresses follow on the next line.
    private var pendingTime: CaptureTime?
    /// What tcpdump printed of a tunnel whose inner packet follows on the next line (VXLAN, Geneve).
    private var pendingOuter: Substring = ""
    private(set) var recordsRead = 0

    init(stream: ByteStream) {
        self.stream = stream
    }

    func next() throws(CaptureError) -> CapturedSegment? {
        while let line = try readLine() {
            if let segment = try parse(line) { return segment }
        }
        return nil
    }

    /// The next line without its line break, or nil at the end of the file.
    private func readLine() throws(CaptureError) -> Substring? {
        let lineOffset = stream.offset
        var length = 0
        var scanned = 0
        while true {
            let ready = try stream.fill(min(scanned + 4096, Self.maximumLineLength + 1))
            let view = stream.bytes(ready)
            if let newline = view[scanned...].firstIndex(of: 0x0a) {
                length = newline
                break
            }
            if ready == 0 { return nil }
            if ready <= scanned {  // end of file without a final line break
                length = ready
                break
            }
            scanned = ready
            guard ready <= Self.maximumLineLength else {
                throw CaptureError(
                    message: "line \(recordsRead + 1) is longer than \(Self.maximumLineLength) bytes: this is not "
                        + "tcpdump text", offset: lineOffset, packet: recordsRead + 1, packetIsLine: true)
            }
        }
        recordsRead += 1
        let view = stream.bytes(length)
        var text = String(decoding: view, as: UTF8.self)
        stream.advance(min(length + 1, stream.buffered))
        if text.hasSuffix("\r") { text.removeLast() }
        return Substring(text)
    }

    private func parse(_ line: Substring) throws(CaptureError) -> CapturedSegment? {
        var rest = line
        var time = pendingTime
        var outer = pendingOuter
        if let (stamp, after) = TextTimestamp.parse(line) {
            time = stamp
            rest = after
            pendingTime = stamp
            pendingOuter = ""
            outer = ""
        }
        guard var (source, destination, segmentText) = Self.splitAddresses(rest) else { return nil }
        // Outer headers come first (`IP a > b: GREv0, key=0x2a, length 68: IP c.1 > d.2: Flags [S], ...`).
        while !segmentText.hasPrefix("Flags ["), let inner = Self.splitAddresses(segmentText) {
            (source, destination, segmentText) = inner
        }
        let cleaned = Self.sanitize(segmentText)
        let pattern: SegmentPattern
        do {
            pattern = try SegmentPattern(notation: cleaned)
        } catch {
            // Other protocols on IP (UDP, ICMP ...) print their own way: skipped, though the line may be a
            // tunnel whose TCP packet follows on the next line, with this line's time. A TCP line that cannot
            // be read is reported.
            guard segmentText.hasPrefix("Flags [") else {
                pendingOuter = line
                return nil
            }
            throw CaptureError(
                message: "cannot read the TCP segment '\(segmentText)': \(error.message)", packet: recordsRead,
                packetIsLine: true)
        }
        guard let sourceAddress = Self.socketAddress(source), let destinationAddress = Self.socketAddress(destination)
        else {
            throw CaptureError(
                message: "cannot read the addresses '\(source) > \(destination)': make the text with numeric "
                    + "addresses and ports (tcpdump -nn)", packet: recordsRead, packetIsLine: true)
        }
        pendingTime = nil
        pendingOuter = ""
        let layers = TextTunnel.layers(outer + line[line.startIndex..<source.startIndex])
        let tunnel = layers.isEmpty ? Encapsulation.none : Encapsulation(layers)
        let segment = numbering.resolve(pattern, from: sourceAddress, to: destinationAddress, tunnel: tunnel)
        return CapturedSegment(
            number: recordsRead, time: time ?? CaptureTime(nanoseconds: 0), source: sourceAddress,
            destination: destinationAddress, segment: segment, tunnel: tunnel)
    }

    /// Finds `SRC > DST: ` and returns the two address tokens and what follows. In `-e` output a MAC address
    /// pair comes first; it is followed by a comma, not a colon, so it is passed over.
    static func splitAddresses(_ line: Substring) -> (Substring, Substring, Substring)? {
        var searchStart = line.startIndex
        while let arrow = line[searchStart...].firstRange(of: " > ") {
            searchStart = arrow.upperBound
            let before = line[..<arrow.lowerBound]
            let sourceStart = before.lastIndex(where: { $0 == " " || $0 == "\t" }).map(line.index(after:))
            let source = line[(sourceStart ?? line.startIndex)..<arrow.lowerBound]
            let after = line[arrow.upperBound...]
            guard let colon = after.firstRange(of: ": ") ?? (after.hasSuffix(":") ? after.suffix(1).range() : nil)
            else { continue }
            let destination = after[..<colon.lowerBound]
            guard !source.isEmpty, !destination.isEmpty, !destination.contains(" ") else { continue }
            return (source, destination, after[colon.upperBound...].drop { $0 == " " })
        }
        return nil
    }

    /// `192.168.1.116.3337` or `fe80::1.5000`: the port follows the last dot.
    static func socketAddress(_ token: Substring) -> SocketAddress? {
        guard let dot = token.lastIndex(of: "."), let port = UInt16(token[token.index(after: dot)...]),
            let address = IPAddress(token[..<dot])
        else { return nil }
        return SocketAddress(address: address, port: port)
    }

    /// Removes what tcpdump adds that the segment notation does not describe: checksums (`-v`), decoded
    /// payloads after `length N:`, the old form's `(DF)` and `[tos 0x10]`, and the `(0)` the seed leaves out.
    static func sanitize(_ text: Substring) -> String {
        if text.hasPrefix("Flags [") {
            var fields: [Substring] = []
            for field in text.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = field.drop { $0 == " " }
                if trimmed.hasPrefix("cksum ") { continue }
                if trimmed.hasPrefix("length ") {
                    fields.append(field.prefix { $0 != ":" })  // `length 99: HTTP: GET /` ends at the colon
                    break
                }
                fields.append(field)
            }
            return fields.joined(separator: ",")
        }
        var words: [String] = []
        var inOptions = false
        var dropping: Character?
        for word in text.split(separator: " ") {
            if inOptions {
                words[words.count - 1] += " " + word
                if word.contains(">") { inOptions = false }
                continue
            }
            if let closing = dropping {
                if word.contains(closing) { dropping = nil }
                continue
            }
            if word.hasPrefix("<") {
                words.append(String(word))
                inOptions = !word.contains(">")
                continue
            }
            if word.hasPrefix("(") || word.hasPrefix("[") {
                let closing: Character = word.hasPrefix("(") ? ")" : "]"
                if !word.contains(closing) { dropping = closing }
                continue
            }
            if words.count == 1, Self.isBareRange(word) {
                let parts = word.split(separator: ":")
                let start = UInt32(parts[0]) ?? 0
                let end = UInt32(parts[1]) ?? 0
                words.append("\(word)(\(end &- start))")
                continue
            }
            words.append(String(word))
        }
        return words.joined(separator: " ")
    }

    /// `3626544836:3626544836` without the `(len)` tcpdump once printed after it.
    private static func isBareRange(_ word: Substring) -> Bool {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension Substring {
    /// The whole range of this substring.
    fileprivate func range() -> Range<Index> { startIndex..<endIndex }
}
