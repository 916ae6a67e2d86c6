import LessonKit
import TimelineKit

/// Taking an exam on screen: one question after another with no hints, no going back and no answers shown,
/// against the clock. Every answer goes into the exam log before the next question: the session asks for it
/// (`Effect.appendToExamLog`), the runtime writes it before it reads the next key, and a write that fails comes
/// back (`Message.failed`): the answer is taken back into its fields and the student is told why.
///
/// It reads no clock: the runtime passes the wall time in (`Message.time`) before every key and when idle.
public struct ExamSession {
    public enum Phase: Hashable, Sendable {
        /// The start screen of a new exam: the rules, and Enter to begin. The clock has not started.
        case ready
        /// The exam was resumed: how many answers were kept and the time left, and Enter to go on. The clock
        /// runs (it ran on while the program was down).
        case resumed
        /// The question is up and the panel has the keys.
        case answering
        /// Esc was pressed: typing is paused (the clock is not).
        case paused
        /// No more questions: every one answered, or the time is up.
        case finished(timeUp: Bool)
    }

    public private(set) var sitting: ExamSitting
    /// The wall time last passed in, in milliseconds since 1970.
    public private(set) var now: Int64
    public private(set) var phase: Phase = .answering
    public private(set) var panel: QuizPanel?
    /// The picture of the current question (the lesson up to the hidden segment).
    public private(set) var player: LessonPlayer?
    public private(set) var language: Language
    /// Whether the `?` help is over the screen (the clock runs on under it).
    public private(set) var showsHelp = false
    /// A log that could not be written: the exam stops taking answers and says why.
    public private(set) var problem: String?
    /// Whether the time ran out on an answer typed but not submitted, and the clock submitted it.
    public private(set) var clockSubmitted = false

    /// Entries recorded by this update and not yet asked to be written.
    private var unwritten: [ExamLogEntry] = []

    /// Opens the exam at `now`. An exam whose time ran out while the program was down closes at once; its
    /// finish entry goes out with the first update.
    public init(sitting: ExamSitting, language: Language, now: Int64) {
        self.sitting = sitting
        self.language = language
        self.now = now
        if !sitting.isFinished && !sitting.hasBegun {
            phase = .ready
            return
        }
        checkClock()
        if case .answering = phase {
            askCurrent()
            if sitting.isResumed, case .answering = phase { phase = .resumed }
        }
    }

    /// The question being answered, 1-based, and how many there are.
    public var questionNumber: Int? { sitting.currentQuestion?.plan.number }
    public var questionCount: Int { sitting.questions.count }
    public var answeredCount: Int { sitting.answers.count }
    public var remainingMilliseconds: Int64 { sitting.remaining(at: now) }

    public mutating func update(_ message: Message) -> [Effect] {
        let effects = handle(message)
        return takeLog() + effects
    }

    /// The entries recorded since the last update, as the effect that writes them.
    private mutating func takeLog() -> [Effect] {
        guard !unwritten.isEmpty else { return [] }
        defer { unwritten = [] }
        return [.appendToExamLog(unwritten)]
    }

    private mutating func record(_ entries: [ExamLogEntry]) { unwritten += entries }

    private mutating func handle(_ message: Message) -> [Effect] {
        switch message {
        case .time(let time):
            now = max(now, time)
            checkClock()
            return []
        case .failed(.appendToExamLog(let entries), let reason):
            takeBack(entries, reason: reason)
            return []
        case .tick, .lessonLoaded, .failed, .classroom, .classStep:
            checkClock()
            return []
        case .key(let key):
            if key == .interrupt { return [.quit] }
            checkClock()
            if showsHelp {
                showsHelp = false
                guard HelpClosing.keyActsAfterClosing(key) else { return [] }
            }
            switch phase {
            case .ready: return ready(key)
            case .resumed: return resumed(key)
            case .answering: return answer(key)
            case .paused: return paused(key)
            case .finished:
                switch ExamKeys.closed.action(for: key) {
                case .leave: return [.quit]
                case .help: return showHelp()
                case .goOn, .language, nil: return []
                }
            }
        }
    }

    /// Closes the exam when the time is up. An answer typed but not yet submitted is submitted then, as it
    /// stands: the student loses nothing they wrote by not pressing Enter in time.
    mutating func checkClock() {
        if sitting.isFinished {
            if case .finished = phase { return }
            phase = .finished(timeUp: answeredCount < questionCount)
            panel = nil
            return
        }
        guard sitting.hasBegun, sitting.remaining(at: now) == 0 else { return }
        let before = answeredCount
        record(sitting.submitAtTimeUp(panel.map(Self.typedSoFar) ?? [:], at: now))
        clockSubmitted = answeredCount > before
        phase = .finished(timeUp: true)
        panel = nil
    }

    /// Entries that could not be written are taken back: an answer returns to its fields (nothing the student
    /// typed is lost), a start returns to the start screen, and the reason is shown.
    private mutating func takeBack(_ entries: [ExamLogEntry], reason: String) {
        problem = reason
        let typed = sitting.takeBack(entries)
        if entries.contains(where: { $0.kind == .start }) {
            phase = .ready
            panel = nil
            return
        }
        guard let typed, !sitting.isFinished else { return }
        if case .finished(timeUp: true) = phase {
            // The time is up: the answer cannot be given again; the log keeps what reached it.
            return
        }
        askCurrent()
        for (field, text) in typed { panel?.setText(text, for: field) }
    }

    /// What the fields hold: read as a submission would read them where that works (toggled flag letters, a
    /// blank ack after flags without ACK), otherwise the text as typed.
    static func typedSoFar(_ panel: QuizPanel) -> [QuizField: String] {
        var reading = panel
        if case .submitted(_, let typed) = reading.submit() { return typed }
        var typed: [QuizField: String] = [:]
        for field in panel.fields { typed[field] = panel.input(field)?.text }
        return typed
    }

    /// The start screen: Enter starts the clock and the first question.
    private mutating func ready(_ key: Key) -> [Effect] {
        if let effects = noticeKey(key, starting: true) { return effects }
        problem = nil
        if let start = sitting.begin(at: now) { record([start]) }
        askCurrent()
        return []
    }

    /// The notice after a resume: Enter goes on to the first unanswered question.
    private mutating func resumed(_ key: Key) -> [Effect] {
        if let effects = noticeKey(key, starting: false) { return effects }
        phase = .answering
        return []
    }

    /// The keys of the start screen and the resume notice, which differ only in what Enter does: nil for
    /// Enter, which the caller handles.
    private mutating func noticeKey(_ key: Key, starting: Bool) -> [Effect]? {
        switch ExamKeys.notice(starting: starting).action(for: key) {
        case .goOn: nil
        case .language: switchLanguage()
        case .help: showHelp()
        case .leave: [.quit]
        case nil: []
        }
    }

    private mutating func showHelp() -> [Effect] {
        showsHelp = true
        return []
    }

    /// `l` on any exam screen: the other language.
    private mutating func switchLanguage() -> [Effect] {
        language = language == .en ? .zh : .en
        return []
    }

    private mutating func askCurrent() {
        guard let question = sitting.currentQuestion else {
            phase = .finished(timeUp: false)
            panel = nil
            return
        }
        panel = QuizPanel(question: question.quiz, allowsHints: false)
        player = LessonPlayer(timeline: question.timeline, askingAt: question.quiz.frameIndex)
        phase = .answering
    }

    private mutating func answer(_ key: Key) -> [Effect] {
        guard var panel else { return [] }
        let outcome = panel.handle(key)
        self.panel = panel
        switch outcome {
        case .edited: return []
        case .rejected, .refused: return []
        case .leave:
            phase = .paused
            return []
        case .help:
            return showHelp()
        case .submitted(_, let typed):
            return submit(typed)
        }
    }

    private mutating func paused(_ key: Key) -> [Effect] {
        switch ExamKeys.paused.action(for: key) {
        case .goOn:
            phase = .answering
            return []
        case .language:
            return switchLanguage()
        case .help:
            return showHelp()
        case .leave:
            return [.quit]
        case nil:
            return []
        }
    }

    /// Logs the typed answer and moves to the next question; the time or the log may end the exam instead.
    private mutating func submit(_ typed: [QuizField: String]) -> [Effect] {
        do {
            record(try sitting.submit(typed, at: now))
        } catch let error as ExamError where error == .timeUp {
            if let finish = sitting.finish(at: now) { record([finish]) }
            phase = .finished(timeUp: true)
            panel = nil
            return []
        } catch {
            problem = "\(error)"
            return []
        }
        problem = nil
        askCurrent()
        return []
    }

    // MARK: The plain mode's way in

    /// Starts the clock without the start screen (the plain mode prints the rules and begins), and past the
    /// resume notice; the effects to carry out.
    public mutating func beginWithoutScreen() -> [Effect] {
        switch phase {
        case .ready: _ = ready(.enter)
        case .resumed: phase = .answering
        default: break
        }
        return takeLog()
    }

    public mutating func setAnswer(_ text: String, for field: QuizField) {
        panel?.setText(text, for: field)
    }

    /// Submits the typed fields; the effects to carry out (the answer to log). A field that cannot be read
    /// leaves its error in `panel` and asks for nothing.
    public mutating func submitTyped() -> [Effect] {
        checkClock()
        guard case .answering = phase, var panel else { return takeLog() }
        let outcome = panel.submit()
        self.panel = panel
        if case .submitted(_, let typed) = outcome { _ = submit(typed) }
        return takeLog()
    }
}
