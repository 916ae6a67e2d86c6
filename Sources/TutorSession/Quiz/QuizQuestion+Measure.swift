import LessonKit
import TCPCore
import TimelineKit

/// A `time` question on a state change or from an application's call (`TimeMeasure`).
extension QuizQuestion {
    /// The segment a state question on a `wait` stands on: the one shown before it (the ladder's last), which the
    /// question measures from unless it says otherwise; nil for any other frame without a segment.
    static func stateQuestionBasis(_ timeline: Timeline, _ index: Int) -> WireEvent? {
        guard timeline.frames[index].quiz?.measure?.stateHost != nil else { return nil }
        return timeline.frames[..<index].last { $0.wire != nil }?.wire
    }

    /// Whether the question asks when a host's state changes rather than about a segment: then its frame may have
    /// no segment, and the question names no direction.
    public var asksStateChange: Bool { measure?.stateHost != nil }

    /// The rule behind the time asked: the state change's (TIME_WAIT's timer, RFC 9293 §3.10.8), else the
    /// segment's.
    public var timeRule: Rule { measure?.reason ?? expected.sentBecause }

    /// Virtual time of the moment measured from.
    public var timeStart: UInt64 {
        measure?.start ?? expected.sentAt - min(expected.sentAt, elapsed)
    }
}
