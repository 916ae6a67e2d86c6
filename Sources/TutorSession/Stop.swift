import LessonKit

/// Where a lesson can rest: a frame shown, or the question asked just before a quiz frame is shown.
public struct Stop: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        /// The frame's quiz question is up; the frame itself is not revealed yet.
        case question
        /// The frame is shown.
        case shown
    }

    public var frameIndex: Int
    public var phase: Phase

    /// The stops of a timeline in order: every frame, preceded by its question when it has a quiz point (or
    /// when it is one of the frames `asking` names, as "predict every segment" does).
    public static func stops(of timeline: Timeline, asking: Set<Int> = []) -> [Stop] {
        var stops: [Stop] = []
        for frame in timeline.frames {
            if frame.quiz != nil || asking.contains(frame.index) {
                stops.append(Stop(frameIndex: frame.index, phase: .question))
            }
            stops.append(Stop(frameIndex: frame.index, phase: .shown))
        }
        return stops
    }
}
