import LessonKit
import TCPCore
import TimelineKit

/// What the learner said about the acknowledgment field: a number, or that the segment carries none.
public enum AckAnswer: Hashable, Sendable {
    /// "No ack": the segment has no ACK flag, so its acknowledgment field means nothing.
    case absent
    /// A number, as typed, in the question's numbering.
    case number(UInt32)
}

/// A learner's prediction of the next segment. Fields left nil were not answered; numbers are kept as
/// typed, in the numbering the screen asked for (`QuizNumbering`).
public struct QuizAnswer: Hashable, Sendable {
    public var sender: HostID?
    public var flags: TCPFlags?
    public var seq: UInt32?
    public var ack: AckAnswer?
    public var len: UInt32?
    public var state: ConnectionState?
    /// A duration in milliseconds of virtual time.
    public var time: UInt64?

    public init(
        sender: HostID? = nil, flags: TCPFlags? = nil, seq: UInt32? = nil, ack: AckAnswer? = nil,
        len: UInt32? = nil, state: ConnectionState? = nil, time: UInt64? = nil
    ) {
        self.time = time
        self.sender = sender
        self.flags = flags
        self.seq = seq
        self.ack = ack
        self.len = len
        self.state = state
    }

    /// Flips one flag, as a UI that shows the flags as check boxes does.
    public mutating func toggle(_ flag: TCPFlags) {
        var current = flags ?? []
        current.formSymmetricDifference(flag)
        flags = current
    }

    /// Whether `field` has been answered.
    public func isAnswered(_ field: QuizField) -> Bool {
        switch field {
        case .sender: sender != nil
        case .flags: flags != nil
        case .seq: seq != nil
        case .ack: ack != nil
        case .len: len != nil
        case .state: state != nil
        case .time: time != nil
        }
    }
}
