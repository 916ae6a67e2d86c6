import LessonKit
import TimelineKit
import TutorSession

/// What happens between the screen of a question and its segment: the applications' calls (`B: send 400 bytes`,
/// `B: close()`) and time passing, in order. The hosts are drawn as they were before these events (their states
/// would give the answer away), so they are told in words: a length or a timer's firing comes from them.
enum QuestionLead {
    static func events(_ player: LessonPlayer) -> [FrameEvent] {
        guard player.stop.phase == .question, player.stop.visibleFrameIndex < player.stop.frameIndex else { return [] }
        let frames = player.timeline.frames[(player.stop.visibleFrameIndex + 1)..<player.stop.frameIndex]
        return frames.map(\.event).filter { event in
            switch event {
            case .call: true
            case .wait(let milliseconds): milliseconds > 0
            case .start, .segment, .say, .reorder: false
            }
        }
    }
}
