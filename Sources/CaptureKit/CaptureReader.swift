/// The formats a capture can come in.
public enum CaptureFormat: String, Hashable, Sendable {
    case pcap
    case pcapng
    /// tcpdump's printed output.
    case text
}

/// Reads the TCP segments of a capture file one at a time, whatever its format; memory stays flat.
public final class CaptureReader {
    public let format: CaptureFormat
    /// The file as named (empty for bytes given in memory).
    public let path: String
    private let source: any SegmentSource
    /// The file's size in bytes when opened (0 when unknown).
    public let sizeHint: Int

    /// Opens a capture file; the format is recognised from its first bytes.
    public convenience init(path: String) throws(CaptureError) {
        let stream = try ByteStream(path: path)
        try self.init(stream: stream, path: path)
    }

    /// Reads a capture held in memory.
    public convenience init(bytes: [UInt8], name: String = "", chunkSize: Int = 1 << 20) throws(CaptureError) {
        try self.init(stream: ByteStream(bytes: bytes, chunkSize: chunkSize), path: name)
    }

    private init(stream: ByteStream, path: String) throws(CaptureError) {
        self.path = path
        sizeHint = stream.sizeHint
        do throws(CaptureError) {
            let ready = try stream.fill(4)
            guard ready > 0 else { throw CaptureError(message: "the file is empty (0 bytes)") }
            let magic = stream.bytes(ready)
            if PcapReader.recognizes(magic) {
                format = .pcap
                source = try PcapReader(stream: stream)
            } else if PcapngReader.recognizes(magic) {
                format = .pcapng
                source = PcapngReader(stream: stream)
            } else if try Self.looksLikeText(stream) {
                format = .text
                source = TcpdumpTextReader(stream: stream)
            } else {
                throw CaptureError(
                    message: "not a capture file: it starts with \(magic.hexPrefix(4)), which is neither a pcap "
                        + "magic number (a1 b2 c3 d4 in either order), nor pcapng (0a 0d 0d 0a), nor tcpdump text",
                    offset: 0)
            }
        } catch {
            throw error.naming(path)
        }
    }

    /// The next TCP segment, or nil at the end of the capture. Errors name the file, the byte offset and the
    /// packet.
    public func next() throws(CaptureError) -> CapturedSegment? {
        do {
            return try source.next()
        } catch {
            throw error.naming(path)
        }
    }

    /// Packet records (for text, lines) read so far, TCP or not.
    public var recordsRead: Int { source.recordsRead }

    /// Text has no NUL bytes and no control characters other than tab, CR and LF in its first kilobytes.
    private static func looksLikeText(_ stream: ByteStream) throws(CaptureError) -> Bool {
        let ready = try stream.fill(4096)
        let sample = stream.bytes(ready)
        return !sample.contains { byte in byte < 0x20 && byte != 0x09 && byte != 0x0a && byte != 0x0d || byte == 0x7f }
    }
}
