import LessonKit
import TimelineKit

/// One question of a quiz run: a lesson's timeline and the question on one of its frames.
public struct QuizRunItem: Hashable, Sendable {
    public var title: LocalizedText
    public var timeline: Timeline
    public var question: QuizQuestion

    /// The questions of `timelines` in order: their quiz points, or every segment when asked.
    public static func items(_ timelines: [Timeline], everySegment: Bool) -> [QuizRunItem] {
        timelines.flatMap { timeline in
            let questions =
                everySegment ? QuizQuestion.everySegment(in: timeline) : QuizQuestion.quizPoints(in: timeline)
            return questions.map { QuizRunItem(title: timeline.title, timeline: timeline, question: $0) }
        }
    }
}

/// `tcptutor quiz`: the quiz points of some lessons one after another, each graded with feedback, then a
/// summary per lesson and per kind of question. A value like `TutorSession`: keys in, effects out.
public struct QuizSession: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        /// The question is up, with the input panel.
        case asking
        /// The answer is graded: the segment crosses with the feedback beside it.
        case feedback(FeedbackFocus)
        /// Every question is done (or the student stopped): the scores.
        case summary
    }

    public let items: [QuizRunItem]
    /// Index of the current question in `items`.
    public private(set) var index = 0
    public private(set) var phase: Phase
    /// The current question's panel.
    public private(set) var panel: QuizPanel?
    public private(set) var panelHasFocus = true
    /// The lesson picture of the current question: on its question stop, then on the segment once answered.
    public private(set) var player: LessonPlayer?
    public private(set) var results = QuizResults()
    public private(set) var progress: ProgressBook
    public private(set) var language: Language
    /// Whether the `?` help is over the screen.
    public private(set) var showsHelp = false
    /// Why the last progress save failed, shown until the next question is asked: the scores stay in memory,
    /// and the student knows they are not on disk.
    public private(set) var notice: LocalizedText?
    public let animates: Bool
    public var scoring: ScoringModel = .standard

    public init(
        items: [QuizRunItem], progress: ProgressBook = ProgressBook(), language: Language, animates: Bool = true
    ) {
        self.items = items
        self.progress = progress
        self.language = language
        self.animates = animates
        self.phase = .summary
        if !items.isEmpty { ask(0) }
    }

    public var isAnimating: Bool { player?.crossing != nil }

    /// The item on screen (nil on the summary).
    public var item: QuizRunItem? {
        switch phase {
        case .asking, .feedback: items[index]
        case .summary: nil
        }
    }

    /// Handles one message and says what the front end must do.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .tick:
            if var player, var crossing = player.crossing {
                crossing.tick += 1
                player.crossing = crossing.isFinished ? nil : crossing
                self.player = player
            }
            return []
        case .failed(.saveProgress, let reason):
            // The student is told, as the tutor's menu tells it; the scores stay in memory.
            notice = .progressNotSaved(reason)
            return []
        case .time, .lessonLoaded, .failed, .classroom, .classStep:
            return []
        case .key(let key):
            if key == .interrupt { return [.saveProgress(progress), .quit] }
            player?.crossing = nil
            if showsHelp {
                showsHelp = false
                guard HelpClosing.keyActsAfterClosing(key) else { return [] }
            }
            switch phase {
            case .asking: return handleQuestion(key)
            case .feedback(let focus): return handleFeedback(focus, key)
            case .summary: return handleSummary(key)
            }
        }
    }

    private mutating func ask(_ position: Int) {
        index = position
        let item = items[position]
        var question = item.question
        question.numbering = QuizNumbering(timeline: item.timeline)
        panel = QuizPanel(question: question)
        panelHasFocus = true
        player = LessonPlayer(timeline: item.timeline, askingAt: question.frameIndex)
        phase = .asking
        notice = nil
    }

    private mutating func handleQuestion(_ key: Key) -> [Effect] {
        guard var panel else { return [] }
        var hasFocus = panelHasFocus
        let keys = QuizKeys.question(inLesson: false)
        let outcome = PanelFocus.handle(key, panel: &panel, hasFocus: &hasFocus, keys: keys)
        self.panel = panel
        panelHasFocus = hasFocus
        switch outcome {
        case .handled:
            return []
        case .submitted(let answer):
            return self.answer(panel.grade(answer, scoring: scoring))
        case .notForPanel:
            switch keys.action(for: key) {
            case .skip:
                // Skipping counts as a question answered with nothing.
                return answer(panel.grade(QuizAnswer(), scoring: scoring))
            case .language: return switchLanguage()
            case .help: return showHelp()
            case .leave: return leaveForSummary()
            case .answer, .hint, .back, nil:
                return []
            }
        }
    }

    private mutating func answer(_ feedback: QuizFeedback) -> [Effect] {
        results.record(feedback)
        if let summary = results.lessons[feedback.lessonID] {
            let questions = items.count { $0.timeline.lessonID == feedback.lessonID }
            progress.recordQuiz(summary, questions: questions, stepCount: items[index].timeline.frames.count)
        }
        _ = player?.forward(animate: animates)
        panel = nil
        phase = .feedback(FeedbackFocus(feedback))
        return [.saveProgress(progress)]
    }

    private mutating func handleFeedback(_ focus: FeedbackFocus, _ key: Key) -> [Effect] {
        var focus = focus
        switch QuizKeys.feedback(inLesson: false).action(for: key) {
        case .previousField:
            guard focus.move(by: -1) else { return [] }
        case .nextField:
            guard focus.move(by: 1) else { return [] }
        case .goOn:
            next()
            return []
        case .language: return switchLanguage()
        case .help: return showHelp()
        case .leave: return leaveForSummary()
        case nil:
            return []
        }
        phase = .feedback(focus)
        return []
    }

    private mutating func showHelp() -> [Effect] {
        showsHelp = true
        return []
    }

    /// `q` before the quiz is done: its results so far, the progress saved with them.
    private mutating func leaveForSummary() -> [Effect] {
        phase = .summary
        player = nil
        return [.saveProgress(progress)]
    }

    /// `l`: the other language, saved as the student's choice (a `--lang` flag applies to one run only).
    private mutating func switchLanguage() -> [Effect] {
        language = language == .en ? .zh : .en
        progress.language = language
        return [.saveProgress(progress)]
    }

    private mutating func handleSummary(_ key: Key) -> [Effect] {
        switch QuizKeys.results.action(for: key) {
        case .language: return switchLanguage()
        case .help: return showHelp()
        case .quit: return [.saveProgress(progress), .quit]
        case nil: return []
        }
    }

    // MARK: The plain mode's way in

    /// Types a whole line into a field (the plain mode reads one line per field).
    public mutating func setAnswer(_ text: String, for field: QuizField) {
        panel?.setText(text, for: field)
    }

    /// Submits the typed fields; the errors, if any, stay in `panel`.
    public mutating func submitTyped() -> QuizFeedback? {
        guard case .asking = phase, var panel else { return nil }
        let outcome = panel.submit()
        self.panel = panel
        guard case .submitted(let answer, _) = outcome else { return nil }
        let feedback = panel.grade(answer, scoring: scoring)
        _ = self.answer(feedback)
        return feedback
    }

    /// Takes the next hint, if any is left.
    public mutating func takeHint() -> Bool {
        guard var panel, panel.takeHint() else { return false }
        self.panel = panel
        return true
    }

    /// Moves on from the feedback to the next question or the summary.
    public mutating func next() {
        guard case .feedback = phase else { return }
        if index + 1 < items.count {
            ask(index + 1)
        } else {
            phase = .summary
            player = nil
        }
    }
}
