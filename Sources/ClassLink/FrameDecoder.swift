/// Cuts a byte stream into messages: bytes go in as they arrive, whole messages come out.
///
/// After a `FrameError` the stream is not trusted any more (there is no way to find the next frame in
/// garbage), so the decoder keeps refusing and the link is to be closed.
public struct FrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    private var failure: FrameError?

    public init() {}

    /// Adds bytes read from the link.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet part of a whole message.
    public var bufferedCount: Int { buffer.count - start }

    /// Whether `next` has something to give without more bytes: a whole frame, or bytes it will refuse.
    public var holdsWholeFrame: Bool {
        let available = buffer.count - start
        if failure != nil { return true }
        guard available >= FrameFormat.headerSize else { return false }
        let length = buffer[start + 4..<start + 8].reduce(0) { $0 << 8 | Int($1) }
        return available >= FrameFormat.headerSize + length || length > FrameFormat.maximumPayload
    }

    /// The next whole message, or nil until more bytes arrive.
    public mutating func next() throws(FrameError) -> ClassMessage? {
        if let failure { throw failure }
        do {
            return try decodeNext()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func decodeNext() throws(FrameError) -> ClassMessage? {
        let available = buffer.count - start
        // The header's fixed bytes are checked as soon as they arrive, so garbage is refused at once rather
        // than after waiting for a length it made up.
        for (offset, expected) in FrameFormat.magic.enumerated() where offset < available {
            guard buffer[start + offset] == expected else {
                throw FrameError("this is not a class link frame (it does not begin with \"CL\")")
            }
        }
        if available > 2, buffer[start + 2] != FrameFormat.version {
            throw FrameError(
                "a frame of version \(buffer[start + 2]); this program speaks version \(FrameFormat.version)")
        }
        guard available >= FrameFormat.headerSize else { return nil }
        let length = buffer[start + 4..<start + 8].reduce(0) { $0 << 8 | Int($1) }
        guard length <= FrameFormat.maximumPayload else {
            throw FrameError(
                "a frame of \(length) bytes is larger than the \(FrameFormat.maximumPayload) a message may have")
        }
        guard available >= FrameFormat.headerSize + length else { return nil }
        let type = buffer[start + 3]
        let payloadStart = start + FrameFormat.headerSize
        let payload = Array(buffer[payloadStart..<payloadStart + length])
        start = payloadStart + length
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
        return try ClassMessage.decode(type: type, payload: payload)
    }

    /// Decodes exactly one frame held whole in `bytes` (for tests and single datagrams).
    public static func decode(frame bytes: [UInt8]) throws(FrameError) -> ClassMessage {
        var decoder = FrameDecoder()
        decoder.append(bytes)
        guard let message = try decoder.next() else {
            throw FrameError("the frame is cut short: \(bytes.count) bytes")
        }
        guard decoder.bufferedCount == 0 else {
            throw FrameError("\(decoder.bufferedCount) bytes follow the frame")
        }
        return message
    }
}
