import LessonKit
import TimelineKit

/// A student following the presenter from their own terminal: the presenter steps, every follower's screen shows
/// the same stop, and at a question each student answers in their own panel. The answer goes to the presenter
/// (`Effect.sendClassAnswer`) and is graded on the student's screen only once the presenter reveals it, so that
/// nobody sees the answer before the class has given theirs.
public struct Following: Hashable, Sendable {
    /// Where the presenter rests, once it has said.
    public internal(set) var step: ClassStep?
    /// The answer this student sent at each question, by its stop (`LessonPlayer.position`).
    public internal(set) var sent: [Int: QuizAnswer] = [:]

    public init() {}
}

extension TutorSession {
    /// A student's screen in a class led by a presenter: `timeline` opened at its first step, stepped by the
    /// presenter's `Message.classStep`s; `q` leaves the program.
    public static func following(
        _ timeline: Timeline, progress: ProgressBook = ProgressBook(), language: Language? = nil
    ) -> TutorSession {
        let entry = LessonEntry(fileName: timeline.lessonID, content: .success(timeline))
        var session = TutorSession(lessons: [entry], progress: progress, language: language, animates: false)
        session.quitsFromLesson = true
        session.following = Following()
        session.startAttempt(lessonID: timeline.lessonID)
        session.screen = .lesson(LessonPlayer(timeline: timeline))
        session.syncPanel()
        return session
    }

    /// Whether the student has sent an answer to the question on screen, which waits for the presenter's reveal.
    public var isWaitingForReveal: Bool {
        guard let following, let player, player.pendingQuiz != nil else { return false }
        return following.sent[player.position] != nil && answers[player.stop.frameIndex] == nil
    }

    /// The presenter moved: show the same stop. An answer this student sent is graded once the presenter has
    /// revealed its question (in place, or by stepping on to its segment), and its feedback shown then.
    mutating func follow(_ step: ClassStep) -> [Effect] {
        guard var following, case .lesson(var player) = screen, player.stops.indices.contains(step.position) else {
            return []
        }
        following.step = step
        self.following = following
        dialog = nil
        feedbackOnScreen = nil
        player.move(toStop: step.position)
        screen = .lesson(player)
        let revealed = following.sent.keys.filter { position in
            position < step.position || (position == step.position && step.revealed)
        }
        var effects: [Effect] = []
        for position in revealed.sorted() {
            let stop = player.stops[position]
            guard answers[stop.frameIndex] == nil, let answer = following.sent[position],
                let quiz = player.quizAsked(atStop: position),
                var question = QuizQuestion(
                    timeline: player.timeline, frameIndex: stop.frameIndex, fields: quiz.fields, line: quiz.line)
            else { continue }
            question.numbering = QuizNumbering(
                numbering: numbering ?? player.timeline.numbering, isn: player.timeline.isn.dictionary)
            let feedback = QuizPanel(question: question).grade(answer, scoring: scoring)
            effects += record(feedback, in: player)
            feedbackOnScreen = FeedbackFocus(feedback)
        }
        return effects + recordPosition()
    }

    /// The student's answer goes to the presenter; the panel closes until the reveal.
    mutating func sendToClass(_ answer: QuizAnswer) -> [Effect] {
        guard var following, let player else { return [] }
        following.sent[player.position] = answer
        self.following = following
        panel = nil
        panelHasFocus = false
        return [.sendClassAnswer(position: player.position, answer)]
    }
}

extension LessonPlayer {
    /// The quiz point asked at stop `position`, if that stop is a question.
    func quizAsked(atStop position: Int) -> QuizPoint? {
        var player = self
        player.move(toStop: position)
        return player.pendingQuiz
    }
}
