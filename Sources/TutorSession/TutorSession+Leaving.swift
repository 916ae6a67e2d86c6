import LessonKit

/// Leaving a lesson where `q` quits the program (a capture replayed on its own): a quiz left half-way shows
/// its score first, so that the points are never lost from sight.
extension TutorSession {
    /// The frames of the open lesson that ask a question.
    public var questionFrames: [Int] {
        guard let player else { return [] }
        return player.timeline.frames.indices.filter { !(player.timeline.frames[$0].quiz?.fields.isEmpty ?? true) }
    }

    /// Whether a question of the open lesson has not been answered yet.
    public var hasUnansweredQuestions: Bool {
        questionFrames.contains { answers[$0] == nil }
    }

    /// `q` with questions left asks again and shows the score so far; otherwise it quits.
    mutating func quitFromLesson() -> [Effect] {
        guard hasUnansweredQuestions else { return [.saveProgress, .quit] }
        dialog = .quitting
        return []
    }
}
