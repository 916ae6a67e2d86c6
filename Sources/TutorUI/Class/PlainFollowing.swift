import LessonKit
import TimelineKit
import TutorSession

/// A student following the instructor in plain lines (`TERM=dumb`, `--plain`): each step is printed as the
/// instructor moves; at a question each field is asked on its own line and the answer goes to the instructor;
/// the feedback is printed when the instructor reveals the answer, not before. `q` leaves.
public struct PlainFollowing {
    public var session: TutorSession
    /// The fields still to be typed for the question on screen, and what was typed so far.
    private var pending: [QuizField] = []
    private var typed: [QuizField: String] = [:]

    public init(session: TutorSession) {
        self.session = session
    }

    /// Runs until `q`, the end of input, or the session quits (the class ended).
    public mutating func run(
        next: () -> ClassLineInput, write: (String) -> Void, perform: (Effect) -> Message?
    ) {
        PlainText.lessonHeader(session).forEach(write)
        describe(write)
        ClassLineInput.read(
            next,
            messages: { messages in
                let before = session
                if session.deliver(messages, perform) { return true }
                report(since: before, write)
                return false
            },
            line: { line in take(line, write, perform) })
    }

    /// A typed line: `q`, or the next field of the question on screen. True when the student leaves.
    private mutating func take(_ line: String, _ write: (String) -> Void, _ perform: (Effect) -> Message?) -> Bool {
        let text = line.trimmingWhitespace()
        if pending.isEmpty {
            if text.lowercased() == "q" || text.lowercased() == "quit" {
                _ = session.deliver([.key(.character("q"))], perform)
                return true
            }
            let strings = Strings(session.language)
            write("  " + strings.say("The instructor steps through the lesson; q leaves.", "由老师控制步骤；输入 q 退出。"))
            return false
        }
        typed[pending.removeFirst()] = line
        if let field = pending.first {
            ask(field, write)
        } else {
            submit(write, perform)
        }
        return false
    }

    /// Sends the typed answer; unreadable fields are shown with their error and asked again.
    private mutating func submit(_ write: (String) -> Void, _ perform: (Effect) -> Message?) {
        let strings = Strings(session.language)
        var effects = session.sendTypedToClass(typed)
        if effects.isEmpty, let panel = session.panel {
            pending = panel.fields.filter { panel.errors[$0] != nil }
            for field in pending {
                if let error = panel.errors[field] { PlainQuestionText.error(error, strings: strings).forEach(write) }
            }
            if let field = pending.first { ask(field, write) }
            return
        }
        typed = [:]
        var failed = false
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            if let failure = perform(effect) {
                failed = true
                effects += session.update(failure)
            }
        }
        if failed, let notice = session.notice {
            write("  " + notice.text(session.language))
            startQuestion(write)
        } else {
            write("  " + strings.answerSent)
        }
    }

    /// Prints what changed since `before`: a new stop, a reveal, the student's feedback.
    private mutating func report(since before: TutorSession, _ write: (String) -> Void) {
        let strings = Strings(session.language)
        let moved = session.player?.position != before.player?.position
        let revealedNow = session.following?.step?.revealed == true && before.following?.step?.revealed != true
        if moved { describe(write) }
        if let feedback = session.feedbackOnScreen?.feedback, feedback != before.feedbackOnScreen?.feedback {
            PlainQuestionText.feedback(feedback, strings: strings).forEach(write)
        } else if revealedNow, !moved {
            write("  " + strings.presenterReveals)
        }
    }

    /// The stop on screen; at a question still open, its context and the first field's prompt.
    private mutating func describe(_ write: (String) -> Void) {
        let strings = Strings(session.language)
        pending = []
        typed = [:]
        var lines = PlainText.describe(session)
        // The follower does not reveal: the instructor does.
        lines.removeAll { $0 == "  " + strings.plainReveal }
        lines.forEach(write)
        guard let player = session.player, player.pendingQuiz != nil, session.panel != nil,
            session.following?.step?.revealed != true
        else { return }
        PlainQuestionText.context(player, strings: strings).forEach(write)
        startQuestion(write)
    }

    private mutating func startQuestion(_ write: (String) -> Void) {
        guard let panel = session.panel else { return }
        pending = panel.fields
        typed = [:]
        if let field = pending.first { ask(field, write) }
    }

    private func ask(_ field: QuizField, _ write: (String) -> Void) {
        guard let panel = session.panel else { return }
        write(PlainQuestionText.prompt(field, panel: panel, strings: Strings(session.language)))
    }
}
