/// A user-visible error an endpoint reports to its application (RFC 9293 §3.10, "signal the user").
public enum EndpointError: String, Hashable, Sendable, CustomStringConvertible {
    case connectionExists = "connection already exists"
    case connectionDoesNotExist = "connection does not exist"
    case connectionClosing = "connection closing"
    case connectionRefused = "connection refused"
    case connectionReset = "connection reset"
    case userTimeout = "connection aborted due to user timeout"
    /// Keep-alive probes went unanswered (socket error ETIMEDOUT).
    case connectionTimedOut = "connection timed out"

    public var description: String { "error: \(rawValue)" }
}

/// Everything one event made an endpoint do. A value the caller owns and reuses (`clear()`), so the hot path
/// allocates nothing once the arrays have grown.
public struct Reaction: Sendable {
    /// Segments to put on the wire, each with the rule that made it.
    public var sent: [(segment: Segment, because: Rule)] = []
    /// State changes, in order.
    public var transitions: [Transition] = []
    /// How an arriving segment was handled (accepted, dropped, answered), when the event was an arrival.
    public var verdict: Rule?
    /// Errors signalled to the application.
    public var errors: [EndpointError] = []
    /// Data bytes that became readable by the application.
    public var bytesReceived: UInt32 = 0

    public init() {}

    /// Empties the reaction for the next event, keeping the arrays' storage (the hot path's only cost is here).
    @inline(__always)
    public mutating func clear() {
        sent.emptyKeepingCapacity()
        transitions.emptyKeepingCapacity()
        verdict = nil
        errors.emptyKeepingCapacity()
        bytesReceived = 0
    }
}
