import LessonKit
import TimelineKit

/// The whole interaction as a value: which screen is up, where the student is, and what the keys do.
///
/// The front end feeds it `Message`s and carries out the `Effect`s it returns; drawing reads its state.
public struct TutorSession: Hashable, Sendable {
    /// The screen behind any dialog.
    public enum Screen: Hashable, Sendable {
        case menu
        case lesson(LessonPlayer)
    }

    public private(set) var lessons: [LessonEntry]
    public internal(set) var screen: Screen = .menu
    public private(set) var menuSelection = 0
    public internal(set) var dialog: Dialog?
    /// The number just refused by the go-to dialog (no such step or lesson), until the next key: the dialog
    /// says which numbers there are.
    public private(set) var refusedJump: String?
    /// Whether the student has moved the menu's cursor; until then it follows the lessons as they load to the
    /// one in progress.
    private var menuCursorMoved = false
    public private(set) var language: Language
    public private(set) var showsTCB = false
    /// The numbering chosen with `r`; nil follows each lesson's own.
    public private(set) var numberingChoice: Numbering?
    public internal(set) var progress: ProgressBook
    /// A message shown above the menu until the student leaves it (for example: progress was unreadable).
    public var notice: LocalizedText?
    /// Whether a segment is animated crossing the wire after each step forward.
    public let animates: Bool
    /// The input panel of the question on screen, while it is unanswered.
    public internal(set) var panel: QuizPanel?
    /// Whether the panel takes the keys (Esc gives them back to stepping).
    public internal(set) var panelHasFocus = false
    /// Feedback on the questions answered since the lesson was opened, by frame index.
    public internal(set) var answers: [Int: QuizFeedback] = [:]
    /// The feedback shown right after an answer, until the student moves on.
    public internal(set) var feedbackOnScreen: FeedbackFocus?
    /// This opening's quiz results for the open lesson.
    public internal(set) var attempt: LessonQuizSummary?
    /// Draws fresh ISNs each time a lesson is opened; nil keeps each lesson's own numbers.
    public var freshNumbers: FreshNumbers?
    /// Points per field and the cost of hints.
    public var scoring: ScoringModel = .standard
    /// `q` in a lesson quits instead of going back to the menu: for a single capture or lesson opened directly.
    public var quitsFromLesson = false
    /// Set when the student follows a presenter: the presenter steps, and answers go to the class.
    public internal(set) var following: Following?

    public init(
        lessons: [LessonEntry], progress: ProgressBook = ProgressBook(), language: Language? = nil,
        animates: Bool = true
    ) {
        self.lessons = lessons
        self.progress = progress
        self.language = language ?? progress.language ?? .en
        self.animates = animates
        if !isLoadingLessons { menuSelection = MenuStart.index(lessons, progress: progress) }
    }

    /// The lesson being stepped through, if one is open.
    public var player: LessonPlayer? {
        if case .lesson(let player) = screen { return player }
        return nil
    }

    /// The numbering used on screen for the open lesson.
    public var numbering: Numbering? {
        player.map { numberingChoice ?? $0.timeline.numbering }
    }

    /// A lesson finished loading in the background: it replaces the menu entry at `index`.
    public mutating func replaceLesson(at index: Int, with entry: LessonEntry) {
        if lessons.indices.contains(index) { lessons[index] = entry }
        // Once every lesson is known, the cursor starts on the lesson in progress.
        if !menuCursorMoved, screen == .menu, !isLoadingLessons {
            menuSelection = MenuStart.index(lessons, progress: progress)
        }
    }

    /// Whether some lesson is still loading in the background.
    public var isLoadingLessons: Bool { lessons.contains { $0.isLoading } }

    /// Whether the front end should keep sending ticks.
    public var isAnimating: Bool { player?.crossing != nil }

    /// Handles one message and says what the front end must do.
    public mutating func update(_ message: Message) -> [Effect] {
        let effects = handle(message)
        syncPanel()
        return effects.savingLatest(progress)
    }

    private mutating func handle(_ message: Message) -> [Effect] {
        switch message {
        case .tick:
            return tick()
        case .time, .classroom:
            return []
        case .classStep(let step):
            return follow(step)
        case .lessonLoaded(let index, let entry):
            replaceLesson(at: index, with: entry)
            return []
        case .failed(.sendClassAnswer(let position, _), let reason):
            classAnswerFailed(position: position, reason: reason)
            return []
        case .failed(_, let reason):
            // Otherwise only a save can fail here: the student is told on the menu, and the book stays in memory.
            notice = LocalizedText.progressNotSaved(reason)
            return []
        case .key(let key):
            if key == .interrupt { return [.saveProgress(progress), .quit] }
            // A key press finishes a running animation at once, then acts as usual.
            finishCrossing()
            if let dialog { return handleDialog(dialog, key) }
            switch screen {
            case .menu: return handleMenu(key)
            case .lesson(let player): return handleLesson(player, key)
            }
        }
    }

    private mutating func tick() -> [Effect] {
        guard case .lesson(var player) = screen, var crossing = player.crossing else { return [] }
        crossing.tick += 1
        player.crossing = crossing.isFinished ? nil : crossing
        screen = .lesson(player)
        return []
    }

    private mutating func finishCrossing() {
        guard case .lesson(var player) = screen, player.crossing != nil else { return }
        player.crossing = nil
        screen = .lesson(player)
    }

    // MARK: Keys that work on every screen

    /// `?` and `l`, which mean the same in the menu and in a lesson.
    private mutating func showHelp() -> [Effect] {
        dialog = .help
        return []
    }

    private mutating func switchLanguage() -> [Effect] {
        language = language == .en ? .zh : .en
        progress.language = language
        return [.saveProgress(progress)]
    }

    // MARK: Menu

    private mutating func handleMenu(_ key: Key) -> [Effect] {
        let action = TutorKeys.menu.action(for: key)
        switch action {
        case .help: return showHelp()
        case .language: return switchLanguage()
        default: break
        }
        menuCursorMoved = true
        switch action {
        case nil:
            return []
        case .previous:
            return moveSelection(by: -1)
        case .next:
            return moveSelection(by: 1)
        case .first:
            menuSelection = 0
            return []
        case .last:
            menuSelection = max(lessons.count - 1, 0)
            return []
        case .open:
            return openSelectedLesson()
        case .goTo:
            guard !lessons.isEmpty else { return [] }
            dialog = .jump(digits: "")
            return []
        case .quit:
            return [.saveProgress(progress), .quit]
        case .closeDialog?, .help?, .language?:
            return []
        }
    }

    private mutating func moveSelection(by delta: Int) -> [Effect] {
        let target = menuSelection + delta
        guard lessons.indices.contains(target) else { return [] }
        menuSelection = target
        return []
    }

    private mutating func openSelectedLesson() -> [Effect] {
        guard lessons.indices.contains(menuSelection), !lessons[menuSelection].isLoading,
            var timeline = lessons[menuSelection].timeline,
            !timeline.frames.isEmpty
        else { return [] }
        if let lesson = lessons[menuSelection].lesson, var fresh = freshNumbers {
            if let rerun = fresh.run(lesson), rerun.frames.count == timeline.frames.count { timeline = rerun }
            freshNumbers = fresh
        }
        startAttempt(lessonID: timeline.lessonID)
        let saved = progress[timeline.lessonID]
        screen = .lesson(LessonPlayer(timeline: timeline, step: saved?.step ?? 0))
        notice = nil
        return recordPosition()
    }

    // MARK: Lesson

    private mutating func handleLesson(_ player: LessonPlayer, _ key: Key) -> [Effect] {
        var player = player
        if let effects = handleQuiz(key) { return effects }
        guard let action = lessonKeys.action(for: key) else { return [] }
        switch action {
        case .help:
            return showHelp()
        case .language:
            return switchLanguage()
        case .next:
            if player.isAtEnd, let next = nextLessonIndex {
                // The same key that stepped through the lesson goes on to the next one on the path.
                menuSelection = next
                return [.saveProgress(progress)] + openSelectedLesson()
            }
            guard player.forward(animate: animates) else { return [] }
            if player.isAtEnd, !questionFrames(of: player.timeline).isEmpty { dialog = .summary }
        case .back:
            guard player.back() else { return [] }
        case .first:
            player.jumpToStart()
        case .last:
            player.jumpToEnd()
        case .goTo:
            dialog = .jump(digits: "")
            return []
        case .tcb:
            showsTCB.toggle()
            return []
        case .numbering:
            numberingChoice = numbering == .absolute ? .relative : .absolute
            return []
        case .leave:
            if quitsFromLesson { return quitFromLesson() }
            screen = .menu
            return [.saveProgress(progress)]
        case .closeDialog:
            return []
        }
        screen = .lesson(player)
        return recordPosition()
    }

    /// The keys of the lesson screen: a follower's leave stepping to the presenter.
    public var lessonKeys: KeyMap<LessonAction> {
        following != nil ? TutorKeys.following : TutorKeys.lesson(quits: quitsFromLesson)
    }

    /// Whether a lesson that can be opened follows the open one on the path (a capture on its own has none).
    public var hasNextLesson: Bool { nextLessonIndex != nil }

    /// The first lesson after the open one that has loaded and ran cleanly.
    var nextLessonIndex: Int? {
        guard player != nil, !quitsFromLesson else { return nil }
        return lessons.indices.dropFirst(menuSelection + 1).first {
            lessons[$0].timeline != nil && !lessons[$0].isLoading
        }
    }

    /// Writes the open lesson's position into the progress book: the step on screen (a question counts as the step
    /// it comes before, and reopening there asks it again).
    mutating func recordPosition() -> [Effect] {
        guard let player else { return [] }
        progress.record(lessonID: player.timeline.lessonID, step: player.stepNumber - 1, stepCount: player.stepCount)
        return [.saveProgress(progress)]
    }

    // MARK: Dialogs

    private mutating func handleDialog(_ dialog: Dialog, _ key: Key) -> [Effect] {
        switch dialog {
        case .help:
            self.dialog = nil
            return HelpClosing.keyActsAfterClosing(key) ? update(.key(key)) : []
        case .jump(let digits):
            return handleJump(digits, key)
        case .quitting:
            self.dialog = nil
            return TutorKeys.quitting.action(for: key) == .quit ? [.saveProgress(progress), .quit] : []
        case .summary:
            self.dialog = nil
            switch TutorKeys.summary.action(for: key) {
            case .retry: return retryQuestions()
            case .close: return []
            case nil: return update(.key(key))
            }
        }
    }

    /// `r` on the summary: a new attempt at the lesson's questions, from its first step; the kept score stays
    /// until the new attempt is complete and better.
    private mutating func retryQuestions() -> [Effect] {
        guard var player else { return [] }
        startAttempt(lessonID: player.timeline.lessonID)
        player.jumpToStart()
        screen = .lesson(player)
        return recordPosition()
    }

    /// The numbers the go-to dialog takes: the open lesson's steps, or in the menu the lessons.
    public var jumpRange: ClosedRange<Int> {
        if let player { return 1...max(player.stepCount, 1) }
        return 1...max(lessons.count, 1)
    }

    private mutating func handleJump(_ digits: String, _ key: Key) -> [Effect] {
        refusedJump = nil
        switch GoToTyping.outcome(digits, key, range: jumpRange) {
        case .typing(let typed):
            dialog = .jump(digits: typed)
            return []
        case .close:
            dialog = nil
            return []
        case .closeAndAct:
            dialog = nil
            return update(.key(key))
        case .refuse(let typed):
            // Say which numbers there are, rather than only refusing it.
            if !typed.isEmpty { refusedJump = typed }
            return []
        case .ignore:
            return []
        case .go(let number):
            guard var player else {
                dialog = nil
                menuSelection = number - 1
                return openSelectedLesson()
            }
            player.jump(toFrame: number - 1)
            screen = .lesson(player)
            dialog = nil
            return recordPosition()
        }
    }
}
