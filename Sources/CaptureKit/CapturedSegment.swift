import TCPCore

/// A moment in a capture: nanoseconds since the Unix epoch (or since midnight, for tcpdump text that prints
/// only the time of day).
public struct CaptureTime: Hashable, Sendable, Comparable {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static func < (lhs: CaptureTime, rhs: CaptureTime) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Seconds from `start` to `self`.
    public func seconds(since start: CaptureTime) -> Double {
        Double(nanoseconds &- start.nanoseconds) / 1e9
    }
}

/// One TCP segment found in a capture, with where it came from.
public struct CapturedSegment: Hashable, Sendable {
    /// 1-based number of the packet record in the file, counting every record (for text, the line number).
    public var number: Int
    public var time: CaptureTime
    public var source: SocketAddress
    public var destination: SocketAddress
    /// Flags, absolute numbers, window and the payload length from the IP header.
    public var segment: Segment
    /// The VLAN tags, labels and tunnels it was carried in; empty for plain TCP over IP.
    public var tunnel: Encapsulation

    public init(
        number: Int, time: CaptureTime, source: SocketAddress, destination: SocketAddress, segment: Segment,
        tunnel: Encapsulation = .none
    ) {
        self.number = number
        self.time = time
        self.source = source
        self.destination = destination
        self.segment = segment
        self.tunnel = tunnel
    }
}
