import LessonKit
import TCPCore
import TimelineKit

/// Leaving a lesson where `q` quits the program (a capture replayed on its own): a quiz left half-way shows
/// its score first, so that the points are never lost from sight.
extension TutorSession {
    /// The frames of the open lesson that ask a question.
    public var questionFrames: [Int] {
        player.map { questionFrames(of: $0.timeline) } ?? []
    }

    /// The frames of `timeline` that ask a question.
    func questionFrames(of timeline: Timeline) -> [Int] {
        timeline.frames.indices.filter { !(timeline.frames[$0].quiz?.fields.isEmpty ?? true) }
    }

    /// The rules behind the fields answered wrong in this opening, once each, in the order they were met.
    public var missedRules: [Rule] {
        var seen: [Rule] = []
        for index in answers.keys.sorted() {
            for field in answers[index]?.fields ?? [] where !field.isCorrect {
                if let rule = field.rule, !seen.contains(rule) { seen.append(rule) }
            }
        }
        return seen
    }

    /// Whether a question of the open lesson has not been answered yet.
    public var hasUnansweredQuestions: Bool {
        questionFrames.contains { answers[$0] == nil }
    }

    /// `q` with questions left asks again and shows the score so far; otherwise it quits.
    mutating func quitFromLesson() -> [Effect] {
        guard hasUnansweredQuestions else { return [.saveProgress(progress), .quit] }
        dialog = .quitting
        return []
    }
}
