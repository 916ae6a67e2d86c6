import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TutorSession

/// Quiz points inside the lesson screen: the panel takes the keys, grading, feedback, hints, progress.
@Suite("Quiz points in the lesson screen")
struct LessonQuizSessionTests {
    /// The handshake open on its quiz point (listen, connect, SYN, then the question).
    static func atQuestion() -> TutorSession {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))],
            animates: false)
        for key: Key in [.enter, .right, .right, .right, .right] { _ = session.update(.key(key)) }
        return session
    }

    static func press(_ keys: [Key], _ session: inout TutorSession) -> [Effect] {
        keys.flatMap { session.update(.key($0)) }
    }

    static func type(_ text: String, _ session: inout TutorSession) {
        for character in text { _ = session.update(.key(.character(character))) }
    }

    @Test("at a quiz point the segment is hidden and the panel has the keys")
    func panelTakesKeys() throws {
        var session = Self.atQuestion()
        let player = try #require(session.player)
        #expect(player.pendingQuiz?.fields == [.sender, .flags, .seq, .ack])
        #expect(session.panelHasFocus)
        #expect(session.panel?.fields == [.sender, .flags, .seq, .ack])
        // Command keys are text while the panel has focus: q does not leave, l does not switch language.
        Self.type("ql", &session)
        #expect(session.player?.stop == player.stop)
        #expect(session.language == .en)
        #expect(session.panel?.input(.sender)?.text == "ql")
        // Space is text too: it does not reveal the segment.
        _ = session.update(.key(.space))
        #expect(session.player?.pendingQuiz == player.pendingQuiz)
    }

    @Test("a right answer: feedback all right, the segment crosses, the score is saved")
    func rightAnswer() throws {
        var session = Self.atQuestion()
        Self.type("B\tS.\t1739326486\t3626544836+1", &session)
        let effects = session.update(.key(.enter))
        #expect(effects.contains(.saveProgress(session.progress)))
        let player = try #require(session.player)
        #expect(player.pendingQuiz == nil, "the answered segment is shown")
        #expect(player.frame.wire?.segment.flags == [.syn, .ack])
        let shown = try #require(session.feedbackOnScreen)
        #expect(shown.feedback.isAllCorrect)
        #expect(
            session.progress["three-way-handshake"]?.score
                == QuizScore(points: 7, possible: 7, answered: 1, questions: 1))
        #expect(session.progress.quiz?.lessons["three-way-handshake"]?.byKind[.seq]?.correct == 1)
        // The next step press puts the narration back, the one after steps on.
        _ = session.update(.key(.space))
        #expect(session.feedbackOnScreen == nil)
        #expect(session.player?.stop == player.stop)
        _ = session.update(.key(.space))
        #expect(session.player?.stop.frameIndex == player.stop.frameIndex + 1)
    }

    @Test("a wrong answer: per-field verdicts with the right value, the rule and the common mistake")
    func wrongAnswer() throws {
        var session = Self.atQuestion()
        // ack = A's ISN (forgetting that SYN occupies one number) and seq = B's ISN + 1.
        Self.type("B\tS.\t1739326487\t3626544836", &session)
        _ = session.update(.key(.enter))
        let shown = try #require(session.feedbackOnScreen)
        #expect(!shown.feedback.isAllCorrect)
        let ack = try #require(shown.feedback.feedback(for: .ack))
        #expect(!ack.isCorrect && ack.expected == "3626544837")
        let section = try #require(ack.section)
        #expect(section.hasPrefix("§3.") && ack.why.en.contains(section), "\(ack.why.en)")
        #expect(ack.mistake == .synOccupiesOne, "the off-by-one on the SYN is a known mistake")
        #expect(ack.note?.en.isEmpty == false && ack.note?.zh.isEmpty == false)
        #expect(shown.selectedField?.field == .seq, "the first wrong field is explained first")
        _ = session.update(.key(.down))
        #expect(session.feedbackOnScreen?.selectedField?.field == .ack)
        #expect(
            session.progress["three-way-handshake"]?.score
                == QuizScore(points: 3, possible: 7, answered: 1, questions: 1))
        #expect(session.attempt?.points == 3)  // sender 1 + flags 2 of 7
    }

    @Test("Esc gives the keys back: h takes hints, Tab answers again, Space skips unanswered")
    func escapeHintsAndSkip() throws {
        var session = Self.atQuestion()
        Self.type("B", &session)
        _ = session.update(.key(.escape))
        #expect(!session.panelHasFocus)
        _ = session.update(.key(.character("h")))
        #expect(session.panel?.hint == .rule)
        _ = session.update(.key(.character("h")))
        #expect(session.panel?.hint == .arithmetic)
        #expect(Self.press([.character("h")], &session) == [])
        _ = session.update(.key(.character("\t")))
        #expect(session.panelHasFocus)
        #expect(session.panel?.input(.sender)?.text == "B", "what was typed is kept")
        _ = session.update(.key(.escape))
        _ = session.update(.key(.space))
        #expect(session.player?.pendingQuiz == nil, "skipping reveals the segment")
        #expect(session.answers.isEmpty)
        #expect(session.progress["three-way-handshake"]?.score == nil, "a skipped question is not scored")
    }

    @Test("hints cost points in the recorded score")
    func hintCost() throws {
        var session = Self.atQuestion()
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("h")))
        _ = session.update(.key(.character("\t")))
        Self.type("B\tS.\t1739326486\t3626544837", &session)
        _ = session.update(.key(.enter))
        let score = try #require(session.feedbackOnScreen?.feedback.score)
        #expect(score.hint == .rule)
        #expect(score.points == score.possible - ScoringModel.standard.ruleHintCost)
        #expect(session.attempt?.ruleHints == 1)
    }

    @Test("back to an answered question: its feedback, no second answer; reopening the lesson asks again")
    func revisit() throws {
        var session = Self.atQuestion()
        let asked = try #require(session.player?.pendingQuiz)
        Self.type("A\tS\t1\t1", &session)
        _ = session.update(.key(.enter))
        _ = Self.press([.space, .left], &session)
        #expect(session.player?.pendingQuiz == asked)
        #expect(session.panel == nil)
        #expect(session.visibleFeedback?.feedback.isAllCorrect == false)
        _ = session.update(.key(.right))
        #expect(session.player?.pendingQuiz == nil)
        #expect(session.attempt?.questions == 1)
        _ = Self.press([.character("q"), .enter], &session)
        #expect(session.answers.isEmpty)
        _ = Self.press([.home, .right, .right, .right, .right], &session)
        #expect(session.panelHasFocus && session.panel?.fields == asked.fields)
    }

    @Test("r switches numbering: the panel expects relative numbers and grades them so")
    func relativeNumbers() throws {
        var session = Self.atQuestion()
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("r")))
        #expect(session.panel?.question.numbering.numbering == .relative)
        _ = session.update(.key(.character("\t")))
        Self.type("B\tS.\t0\t1", &session)
        _ = session.update(.key(.enter))
        #expect(session.feedbackOnScreen?.feedback.isAllCorrect == true)
    }

    @Test("fresh numbers: every opening runs the lesson with new ISNs, reproducibly from the seed")
    func freshNumbers() throws {
        let path = Curriculum.path
        let lesson = try LessonLibrary.load(path + "/02-three-way-handshake.lesson")
        let declared = LessonRunner.run(lesson).timeline
        let entry = LessonEntry(fileName: "02", content: .success(declared), lesson: lesson)
        var isns: [PerHost<SequenceNumber>] = []
        for _ in 0..<2 {
            var session = TutorSession(lessons: [entry], animates: false)
            session.freshNumbers = FreshNumbers(seed: 7)
            for _ in 0..<2 {
                _ = Self.press([.enter], &session)
                isns.append(try #require(session.player?.timeline.isn))
                _ = Self.press([.escape, .character("q")], &session)
            }
        }
        #expect(isns[0] != declared.isn)
        #expect(isns[0] != isns[1], "a second opening draws new numbers")
        #expect(isns[0] == isns[2] && isns[1] == isns[3], "the same seed gives the same numbers")
    }
}
