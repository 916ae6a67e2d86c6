import LessonKit

/// Taking an exam on screen: one question after another with no hints, no going back and no answers shown,
/// against the clock. Every answer goes into the exam log (through `ExamSitting`) before the next question.
public struct ExamSession {
    public enum Phase: Hashable, Sendable {
        /// The question is up and the panel has the keys.
        case answering
        /// Esc was pressed: typing is paused (the clock is not).
        case paused
        /// No more questions: every one answered, or the time is up.
        case finished(timeUp: Bool)
    }

    public let sitting: ExamSitting
    public private(set) var phase: Phase = .answering
    public private(set) var panel: QuizPanel?
    /// The picture of the current question (the lesson up to the hidden segment).
    public private(set) var player: LessonPlayer?
    public private(set) var language: Language
    /// A log that could not be written: the exam stops taking answers and says why.
    public private(set) var problem: String?

    public init(sitting: ExamSitting, language: Language) {
        self.sitting = sitting
        self.language = language
        checkClock()
        if case .answering = phase { askCurrent() }
    }

    /// The question being answered, 1-based, and how many there are.
    public var questionNumber: Int? { sitting.currentQuestion?.plan.number }
    public var questionCount: Int { sitting.questions.count }
    public var answeredCount: Int { sitting.answers.count }
    public var remainingMilliseconds: Int64 { sitting.remaining() }

    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .tick:
            checkClock()
            return []
        case .key(let key):
            if key == .interrupt { return [.quit] }
            checkClock()
            switch phase {
            case .answering: return answer(key)
            case .paused: return paused(key)
            case .finished:
                switch key {
                case .character("q"), .character("Q"), .enter, .escape: return [.quit]
                default: return [.bell]
                }
            }
        }
    }

    /// Closes the exam when the time is up.
    mutating func checkClock() {
        if sitting.isFinished {
            if case .finished = phase { return }
            phase = .finished(timeUp: answeredCount < questionCount)
            panel = nil
            return
        }
        guard sitting.remaining() == 0 else { return }
        do {
            try sitting.finish()
        } catch {
            problem = "\(error)"
        }
        phase = .finished(timeUp: true)
        panel = nil
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
        guard var panel else { return [.bell] }
        let outcome = panel.handle(key)
        self.panel = panel
        switch outcome {
        case .edited: return []
        case .rejected, .refused, .hintTaken: return [.bell]
        case .leave:
            phase = .paused
            return []
        case .submitted(_, let typed):
            return submit(typed)
        }
    }

    private mutating func paused(_ key: Key) -> [Effect] {
        switch key {
        case .enter, .character("\t"), .escape:
            phase = .answering
            return []
        case .character("l"), .character("L"):
            language = language == .en ? .zh : .en
            return []
        case .character("q"), .character("Q"):
            return [.quit]
        default:
            return [.bell]
        }
    }

    /// Logs the typed answer and moves to the next question; the time or the log may end the exam instead.
    private mutating func submit(_ typed: [QuizField: String]) -> [Effect] {
        do {
            _ = try sitting.submit(typed)
        } catch let error as ExamError where error == .timeUp {
            phase = .finished(timeUp: true)
            panel = nil
            return [.bell]
        } catch {
            problem = "\(error)"
            return [.bell]
        }
        askCurrent()
        return []
    }

    // MARK: The plain mode's way in

    public mutating func setAnswer(_ text: String, for field: QuizField) {
        panel?.setText(text, for: field)
    }

    /// Submits the typed fields; false when a field cannot be read (its error is in `panel`) or the log failed.
    public mutating func submitTyped() -> Bool {
        checkClock()
        guard case .answering = phase, var panel else { return false }
        let outcome = panel.submit()
        self.panel = panel
        guard case .submitted(_, let typed) = outcome else { return false }
        let before = answeredCount
        _ = submit(typed)
        return answeredCount > before
    }
}
