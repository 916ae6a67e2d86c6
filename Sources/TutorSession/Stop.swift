import LessonKit
import TimelineKit

/// Where a lesson can rest: a frame shown, or the question asked about a quiz frame's segment.
public struct Stop: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        /// The frame's quiz question is up; the frame itself is not revealed yet.
        case question
        /// The frame is shown.
        case shown
    }

    public var frameIndex: Int
    public var phase: Phase
    /// The frame whose hosts, ladder and wire are on screen. For a question it is the frame before the calls and
    /// waits that lead to the asked segment: `A close` already puts A in FIN_WAIT_1 and its FIN in flight, so a
    /// question asked after it would show its own answer (TEACHING.md rule 12).
    public var visibleFrameIndex: Int

    /// The stops of a timeline in order: every frame, and for a frame with a quiz point (or one of the frames
    /// `asking` names, as "predict every segment" does) its question, asked before the calls and waits that lead
    /// to that segment (see `Timeline.questionLeadStart`).
    public static func stops(of timeline: Timeline, asking: Set<Int> = []) -> [Stop] {
        var stops: [Stop] = []
        // Where each frame's shown stop sits in `stops`, so a question can go in front of its lead.
        var shownPosition: [Int: Int] = [:]
        for frame in timeline.frames {
            if frame.wire != nil, frame.quiz != nil || asking.contains(frame.index) {
                let leadStart = timeline.questionLeadStart(before: frame.index)
                let question = Stop(frameIndex: frame.index, phase: .question, visibleFrameIndex: max(leadStart - 1, 0))
                let position = shownPosition[leadStart] ?? stops.count
                stops.insert(question, at: position)
                // Only the lead's own frames sit after the question: move them along (a capture has thousands of
                // frames, and a lead has a few).
                for index in leadStart..<frame.index { shownPosition[index]? += 1 }
            } else if frame.quiz != nil || asking.contains(frame.index) {
                stops.append(
                    Stop(frameIndex: frame.index, phase: .question, visibleFrameIndex: max(frame.index - 1, 0)))
            }
            shownPosition[frame.index] = stops.count
            stops.append(Stop(frameIndex: frame.index, phase: .shown, visibleFrameIndex: frame.index))
        }
        return stops
    }
}
