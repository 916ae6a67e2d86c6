/// One of the two hosts a lesson or a capture shows: A on the left, B on the right.
public enum HostID: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case a = "A"
    case b = "B"

    /// The host at the other end of the wire.
    public var peer: HostID { self == .a ? .b : .a }

    public var description: String { rawValue }
}
