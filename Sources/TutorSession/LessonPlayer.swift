import LessonKit
import TimelineKit

/// A lesson being stepped through: a timeline, a position among its stops, and the crossing animation.
///
/// Frames are immutable values, so stepping back is only moving `position`: the earlier state is exactly
/// the earlier frame.
public struct LessonPlayer: Hashable, Sendable {
    public let timeline: Timeline
    public let stops: [Stop]
    /// Index into `stops`.
    public private(set) var position: Int
    /// Set while the current segment is being animated across the wire.
    public internal(set) var crossing: Crossing?

    /// Opens `timeline` at the frame `step` (0-based), on its question if it has one.
    public init(timeline: Timeline, step: Int = 0) {
        self.timeline = timeline
        self.stops = Stop.stops(of: timeline)
        self.position = 0
        self.crossing = nil
        self.position = firstStop(ofFrame: min(max(step, 0), timeline.frames.count - 1))
    }

    public var stop: Stop { stops[position] }

    /// Opens `timeline` on a question before frame `index`, even where the lesson has no quiz point there.
    public init(timeline: Timeline, askingAt index: Int) {
        self.timeline = timeline
        self.stops = Stop.stops(of: timeline, asking: [index])
        self.crossing = nil
        self.position = stops.firstIndex { $0.frameIndex == index } ?? 0
    }

    /// The frame the current stop belongs to.
    public var frame: Frame { timeline.frames[stop.frameIndex] }

    /// The frame whose hosts and ladder are on screen: while a question is up, the one before the calls and waits
    /// that lead to the asked segment.
    public var visibleFrame: Frame { timeline.frames[stop.visibleFrameIndex] }

    /// The quiz point waiting for an answer, if the current stop is a question.
    public var pendingQuiz: QuizPoint? {
        switch stop.phase {
        case .question: frame.quiz ?? QuizPoint(fields: [.flags, .seq, .ack], line: frame.origin.number)
        case .shown: nil
        }
    }

    public var isAtStart: Bool { position == 0 }
    public var isAtEnd: Bool { position == stops.count - 1 }

    /// 1-based step number for display: the frame's position. A question counts as the step it comes before.
    public var stepNumber: Int {
        switch stop.phase {
        case .question: min(stop.visibleFrameIndex + 2, stop.frameIndex + 1)
        case .shown: stop.frameIndex + 1
        }
    }
    public var stepCount: Int { timeline.frames.count }

    /// Moves one stop forward; returns false at the end. Starts the crossing animation when asked.
    public mutating func forward(animate: Bool) -> Bool {
        guard !isAtEnd else { return false }
        position += 1
        crossing = animate && stop.phase == .shown && frame.wire != nil ? Crossing() : nil
        return true
    }

    /// Moves one stop back; returns false at the start. Going back never animates.
    mutating func back() -> Bool {
        guard !isAtStart else { return false }
        position -= 1
        crossing = nil
        return true
    }

    /// Jumps to the first stop of frame `index` (its question, if any).
    mutating func jump(toFrame index: Int) {
        position = firstStop(ofFrame: min(max(index, 0), timeline.frames.count - 1))
        crossing = nil
    }

    /// Moves to stop `position`, as a presenter's step names it for its followers.
    mutating func move(toStop position: Int) {
        self.position = min(max(position, 0), stops.count - 1)
        crossing = nil
    }

    mutating func jumpToStart() { jump(toFrame: 0) }

    mutating func jumpToEnd() {
        position = stops.count - 1
        crossing = nil
    }

    /// The first stop shown as step `index + 1`: a question asked before that frame's calls, else the frame.
    private func firstStop(ofFrame index: Int) -> Int {
        stops.firstIndex { $0.phase == .question && $0.visibleFrameIndex + 1 == index && $0.frameIndex >= index }
            ?? stops.firstIndex { $0.frameIndex == index } ?? 0
    }
}
