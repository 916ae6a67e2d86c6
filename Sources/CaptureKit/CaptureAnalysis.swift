import TCPCore

/// What a whole capture holds: its TCP connections, in order of their first packet.
public struct CaptureListing: Hashable, Sendable {
    public var format: CaptureFormat
    public var connections: [ConnectionSummary]
    /// The time of the first TCP segment: listed times count from here.
    public var captureStart: CaptureTime?
    /// TCP segments found.
    public var segments: Int
    /// Packet records (for text, lines) read, TCP or not.
    public var records: Int
}

/// Reads captures into listings and replays, in one pass and with memory that grows only with the number of
/// connections (and, for a replay, the packets of the one connection shown).
public enum CaptureAnalysis {
    /// Lists every TCP connection in the capture.
    public static func list(_ reader: CaptureReader) throws(CaptureError) -> CaptureListing {
        var tracker = ConnectionTracker(
            reservingCapacity: ConnectionTracker.expectedConnections(inBytes: reader.sizeHint))
        var start: CaptureTime?
        var segments = 0
        while let packet = try reader.next() {
            if start == nil { start = packet.time }
            segments += 1
            tracker.record(packet)
        }
        return CaptureListing(
            format: reader.format, connections: tracker.connections, captureStart: start, segments: segments,
            records: reader.recordsRead)
    }

    /// Replays connection `stream` (0-based, as listed); nil when the capture has fewer connections.
    public static func replay(_ reader: CaptureReader, stream: Int) throws(CaptureError) -> (
        replay: CaptureReplay?, listing: CaptureListing
    ) {
        var tracker = ConnectionTracker(
            reservingCapacity: ConnectionTracker.expectedConnections(inBytes: reader.sizeHint))
        var start: CaptureTime?
        var segments = 0
        var packets: [CapturedSegment] = []
        var senders: [HostID] = []
        while let packet = try reader.next() {
            if start == nil { start = packet.time }
            segments += 1
            let (number, sender) = tracker.record(packet)
            if number == stream {
                packets.append(packet)
                senders.append(sender)
            }
        }
        let listing = CaptureListing(
            format: reader.format, connections: tracker.connections, captureStart: start, segments: segments,
            records: reader.recordsRead)
        guard stream >= 0, stream < listing.connections.count, let start else { return (nil, listing) }
        let replay = ConnectionInference.replay(
            packets: packets, senders: senders, summary: listing.connections[stream], captureStart: start)
        return (replay, listing)
    }
}
