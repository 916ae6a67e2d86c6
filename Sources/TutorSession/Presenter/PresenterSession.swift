import LessonKit
import TimelineKit

/// An instructor presenting one lesson to a class: stepping with a clicker, putting quiz questions to the
/// room, revealing answers, blanking the projector.
///
/// Like `TutorSession` it is a value: the front end feeds it `Message`s and carries out the `Effect`s.
/// Stepping reuses `LessonPlayer`, so a quiz point is a question stop, asked before the calls that make its
/// segment: the first key reveals the answer in place (the hosts still as they were), the next ones step through
/// the calls to the segment crossing.
public struct PresenterSession: Hashable, Sendable {
    /// Where the open quiz point stands, if the current step has one.
    public enum QuizStage: Hashable, Sendable {
        /// The question is put to the class; the answer and the step's narration are hidden.
        case asked(QuizPoint)
        /// The answer is revealed and the segment is on the wire.
        case revealed(QuizPoint)
    }

    public private(set) var player: LessonPlayer
    public private(set) var language: Language
    /// The projector shows nothing until the next key.
    public private(set) var isBlank = false
    /// The help or the go-to dialog (the presenter has no other).
    public private(set) var dialog: Dialog?
    /// The step number just refused by the go-to dialog, until the next key: the dialog says the range.
    public private(set) var refusedJump: String?
    /// Whether a segment is animated crossing the wire after each step forward (`--animate`).
    public let animates: Bool
    /// Whether the answer to the question on screen has been revealed.
    public private(set) var isRevealed = false
    /// The class following from their own terminals, when the presenter leads one: its answers are tallied at
    /// each question, and each step is sent to every follower (`Effect.showClassStep`).
    public private(set) var classroom: Classroom?

    /// Opens `timeline` at its first step; with a `classroom`, the class follows.
    public init(timeline: Timeline, language: Language = .en, animates: Bool = false, classroom: Classroom? = nil) {
        self.player = LessonPlayer(timeline: timeline)
        self.language = language
        self.animates = animates
        self.classroom = classroom
    }

    /// The step every follower should show.
    public var classStep: ClassStep { ClassStep(position: player.position, revealed: isRevealed) }

    /// The class's answers to the question on screen, once it is revealed: the projector shows them.
    public var revealedTally: ClassTally? {
        guard let classroom, isRevealed || player.stop.phase == .shown,
            let point = player.pendingQuiz ?? player.frame.quiz,
            let position = questionPosition,
            let question = QuizQuestion(timeline: timeline, frameIndex: player.stop.frameIndex, fields: point.fields)
        else { return nil }
        return ClassTally(question: question, answers: classroom.answers(at: position), students: classroom.students)
    }

    /// How many have answered the question on screen while it is asked: "17 of 25 answered".
    public var answeredSoFar: (answered: Int, students: Int)? {
        guard let classroom, player.pendingQuiz != nil, !isRevealed else { return nil }
        let answered = classroom.answers(at: player.position).count
        return (answered, max(classroom.students, answered))
    }

    /// The stop of the question whose answer is on screen: the current stop while it is asked or revealed in
    /// place, the question stop just before when the answer's segment is shown.
    private var questionPosition: Int? {
        if player.pendingQuiz != nil { return player.position }
        guard player.frame.quiz != nil else { return nil }
        return player.stops[..<player.position].lastIndex {
            $0.frameIndex == player.stop.frameIndex && $0.phase == .question
        }
    }

    public var timeline: Timeline { player.timeline }

    /// Whether the front end should keep sending ticks.
    public var isAnimating: Bool { player.crossing != nil && !isBlank }

    /// The quiz point of the current step and whether its answer is shown.
    public var quizStage: QuizStage? {
        if let point = player.pendingQuiz { return isRevealed ? .revealed(point) : .asked(point) }
        if player.stop.phase == .shown, let point = player.frame.quiz { return .revealed(point) }
        return nil
    }

    /// Handles one message and says what the front end must do; with a class, a step that changed is sent on.
    public mutating func update(_ message: Message) -> [Effect] {
        let before = classStep
        let effects = handle(message)
        guard classroom != nil, classStep != before else { return effects }
        return [.showClassStep(classStep)] + effects
    }

    private mutating func handle(_ message: Message) -> [Effect] {
        switch message {
        case .classroom(let event):
            classroom?.apply(event)
            return []
        case .tick:
            tick()
            return []
        case .time, .lessonLoaded, .failed, .classStep:
            return []
        case .key(let key):
            if key == .interrupt { return [.quit] }
            if isBlank {
                // Any key brings the picture back, and does nothing else: the room sees the step it left.
                isBlank = false
                return []
            }
            // A key press finishes a running animation at once, then acts as usual.
            player.crossing = nil
            if let dialog { return handleDialog(dialog, key) }
            return handleLesson(key)
        }
    }

    private mutating func tick() {
        guard var crossing = player.crossing else { return }
        crossing.tick += 1
        player.crossing = crossing.isFinished ? nil : crossing
    }

    // MARK: Lesson keys

    private mutating func handleLesson(_ key: Key) -> [Effect] {
        switch PresenterKeys.map.action(for: key) {
        case .reveal, .next:
            // At a question, Enter and the next-step keys reveal the answer. A question asked before calls (`A
            // close`) reveals it in place, the hosts still as they were; one asked right after a segment reveals it
            // with its segment crossing, the next stop.
            if player.pendingQuiz != nil, !isRevealed, player.stop.visibleFrameIndex + 1 < player.stop.frameIndex {
                isRevealed = true
                return []
            }
            isRevealed = false
            _ = player.forward(animate: animates)
        case .back:
            // Back onto a question asks it again, as it was first put to the class.
            guard player.back() else { return [] }
            isRevealed = false
        case .first:
            player.jumpToStart()
            isRevealed = false
        case .last:
            player.jumpToEnd()
            isRevealed = false
        case .blank:
            isBlank = true
        case .goTo:
            dialog = .jump(digits: "")
        case .language:
            language = language == .en ? .zh : .en
        case .help:
            dialog = .help
        case .quit:
            return [.quit]
        case nil:
            break
        }
        return []
    }

    // MARK: Dialogs

    private mutating func handleDialog(_ dialog: Dialog, _ key: Key) -> [Effect] {
        switch dialog {
        case .help, .quitting, .summary:
            self.dialog = nil
            return HelpClosing.keyActsAfterClosing(key) ? handleLesson(key) : []
        case .jump(let digits):
            return handleJump(digits, key)
        }
    }

    private mutating func handleJump(_ digits: String, _ key: Key) -> [Effect] {
        refusedJump = nil
        if PresenterKeys.map.action(for: key) == .blank {
            // The clicker's blank button leaves the dialog and blanks, as everywhere: the presenter may have
            // walked away from the keyboard.
            dialog = nil
            return handleLesson(key)
        }
        switch GoToTyping.outcome(digits, key, range: 1...player.stepCount) {
        case .typing(let typed):
            dialog = .jump(digits: typed)
        case .close:
            dialog = nil
        case .closeAndAct:
            dialog = nil
            return handleLesson(key)
        case .refuse(let typed):
            if !typed.isEmpty { refusedJump = typed }
        case .ignore:
            break
        case .go(let step):
            player.jump(toFrame: step - 1)
            isRevealed = false
            dialog = nil
        }
        return []
    }
}
