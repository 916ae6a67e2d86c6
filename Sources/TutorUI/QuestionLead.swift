import LessonKit
import TutorSession

/// What happened between the last segment and a question: the applications' calls (`B: send 400 bytes`,
/// `B: close()`) and time passing, in order. The narration that said so is not on screen while a question is
/// up, and a quiz or an exam has no narration at all, yet a length or a timer's firing comes from these.
enum QuestionLead {
    static func events(_ player: LessonPlayer) -> [FrameEvent] {
        let shown = player.visibleFrame.index
        let frames = player.timeline.frames[...shown]
        let start = (frames.lastIndex { $0.wire != nil }).map { $0 + 1 } ?? frames.startIndex
        return frames[start...].map(\.event).filter { event in
            switch event {
            case .call: true
            case .wait(let milliseconds): milliseconds > 0
            case .start, .segment: false
            }
        }
    }
}
