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

    /// The student's answer goes to the presenter; the panel closes until the reveal. The numbers go in the
    /// lesson's own numbering, the one the presenter's tally grades in, whatever numbering this screen shows
    /// (`r`); the student's own feedback grades what they typed, in the numbering they typed it in.
    mutating func sendToClass(_ answer: QuizAnswer) -> [Effect] {
        guard var following, let player else { return [] }
        following.sent[player.position] = answer
        self.following = following
        let sent = panel.map { Self.inLessonNumbering(answer, $0.question, player.timeline) } ?? answer
        panel = nil
        panelHasFocus = false
        notice = nil
        return [.sendClassAnswer(position: player.position, sent)]
    }

    /// The line mode's answer: the texts typed per field, read as the panel reads them and sent to the class.
    /// Unreadable fields stay in `panel.errors` and nothing is sent.
    public mutating func sendTypedToClass(_ typed: [QuizField: String]) -> [Effect] {
        guard following != nil, var panel else { return [] }
        for (field, text) in typed { panel.setText(text, for: field) }
        let outcome = panel.submit()
        self.panel = panel
        guard case .submitted(let answer, _) = outcome else { return [] }
        return sendToClass(answer)
    }

    /// The answer could not go to the presenter (the class server is gone): it is taken back, the panel comes
    /// back for another try, and the student is told why.
    mutating func classAnswerFailed(position: Int, reason: String) {
        following?.sent[position] = nil
        notice = LocalizedText(
            en: "Your answer did not reach the instructor: \(reason)", zh: "你的答案没有送达老师：\(reason)")
    }

    /// `answer`'s seq and ack moved from the numbering `question` was asked in to `timeline`'s own.
    static func inLessonNumbering(_ answer: QuizAnswer, _ question: QuizQuestion, _ timeline: Timeline) -> QuizAnswer {
        let typed = question.numbering
        let lesson = QuizNumbering(timeline: timeline)
        guard typed != lesson else { return answer }
        var moved = answer
        let sender = question.sender
        let rule = question.expected.sentBecause
        if let seq = answer.seq {
            moved.seq = lesson.typed(
                typed.absolute(typed: seq, .seq, sender: sender, rule: rule), .seq, sender: sender, rule: rule)
        }
        if case .number(let ack) = answer.ack {
            moved.ack = .number(lesson.typed(typed.absolute(typed: ack, .ack, sender: sender), .ack, sender: sender))
        }
        return moved
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
