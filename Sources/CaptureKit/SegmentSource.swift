/// One capture file format's reader: yields the TCP segments in the file, in file order.
protocol SegmentSource: AnyObject {
    /// The next TCP segment, or nil at the end of the file.
    func next() throws(CaptureError) -> CapturedSegment?
    /// Packet records (or text lines) read so far, TCP or not.
    var recordsRead: Int { get }
}

/// Limits that tell a damaged file from a real one.
enum CaptureLimits {
    /// The largest packet record we believe: 256 KiB is libpcap's own maximum snap length; anything past 16 MiB
    /// is a broken length field, not a packet.
    static let maximumPacket = 16 << 20
    /// The largest pcapng block we believe (a packet plus its options).
    static let maximumBlock = maximumPacket + 4096
}

/// Converts a timestamp counted in `unitsPerSecond` into nanoseconds, wrapping rather than trapping on absurd
/// values (a damaged timestamp gives a strange time, never a crash).
@inline(__always)
func nanoseconds(_ timestamp: UInt64, unitsPerSecond: UInt64) -> Int64 {
    if unitsPerSecond == 1_000_000 { return Int64(bitPattern: timestamp &* 1000) }
    if unitsPerSecond == 1_000_000_000 { return Int64(bitPattern: timestamp) }
    let seconds = timestamp / unitsPerSecond
    let remainder = timestamp % unitsPerSecond
    let scaled = unitsPerSecond.dividingFullWidth(remainder.multipliedFullWidth(by: 1_000_000_000)).quotient
    return Int64(bitPattern: seconds &* 1_000_000_000 &+ scaled)
}
