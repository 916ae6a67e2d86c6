/// A capture that cannot be read, with where the problem is: one clear message for the user.
public struct CaptureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (empty for bytes given in memory).
    public var path: String
    /// What is wrong, in words.
    public var message: String
    /// Byte offset in the file where the problem starts, when it has one.
    public var offset: Int64?
    /// 1-based packet number (for text captures, the line number), when the problem is inside a packet.
    public var packet: Int?
    /// Whether `packet` counts lines of text rather than packet records.
    public var packetIsLine: Bool

    public init(
        path: String = "", message: String, offset: Int64? = nil, packet: Int? = nil, packetIsLine: Bool = false
    ) {
        self.path = path
        self.message = message
        self.offset = offset
        self.packet = packet
        self.packetIsLine = packetIsLine
    }

    /// `capture.pcap: byte 1234 (packet 57): the packet record is cut short: ...`
    public var description: String {
        var place: [String] = []
        if let offset { place.append("byte \(offset)") }
        if let packet { place.append(packetIsLine ? "line \(packet)" : "packet \(packet)") }
        var text = path.isEmpty ? "" : "\(path): "
        if !place.isEmpty { text += place.joined(separator: ", ") + ": " }
        return text + message
    }

    /// The same error, now naming the file.
    func naming(_ path: String) -> CaptureError {
        var copy = self
        copy.path = path
        return copy
    }
}
