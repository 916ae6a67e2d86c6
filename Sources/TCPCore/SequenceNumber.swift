/// A 32-bit TCP sequence number: all arithmetic is modulo 2^32 (RFC 9293 §3.4).
///
/// Deliberately not `Comparable`: "less than" only makes sense between numbers less than 2^31 apart,
/// so every ordering question goes through `precedes`, which derives from one wrapping subtraction.
public struct SequenceNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as it travels in the header.
    public var rawValue: UInt32

    public init(_ rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }

    /// The signed distance from `other` to `self`, modulo 2^32: the one primitive every comparison uses.
    @inline(__always)
    public func distance(from other: SequenceNumber) -> Int32 {
        Int32(bitPattern: rawValue &- other.rawValue)
    }

    /// `self` comes strictly before `other` in modular order (RFC 9293 §3.4, "<").
    @inline(__always)
    public func precedes(_ other: SequenceNumber) -> Bool {
        distance(from: other) < 0
    }

    /// `self` comes before or equals `other` in modular order ("=<").
    @inline(__always)
    public func precedesOrEquals(_ other: SequenceNumber) -> Bool {
        distance(from: other) <= 0
    }

    /// `start =< self < start + size`, the window test of RFC 9293 §3.4 (empty when `size` is 0).
    @inline(__always)
    public func isInWindow(start: SequenceNumber, size: UInt32) -> Bool {
        rawValue &- start.rawValue < size
    }

    @inline(__always)
    public static func &+ (lhs: SequenceNumber, rhs: UInt32) -> SequenceNumber {
        SequenceNumber(lhs.rawValue &+ rhs)
    }

    @inline(__always)
    public static func &- (lhs: SequenceNumber, rhs: UInt32) -> SequenceNumber {
        SequenceNumber(lhs.rawValue &- rhs)
    }

    /// The number of sequence numbers from `start` up to (not including) `self`, modulo 2^32.
    @inline(__always)
    public func offset(from start: SequenceNumber) -> UInt32 {
        rawValue &- start.rawValue
    }
}
