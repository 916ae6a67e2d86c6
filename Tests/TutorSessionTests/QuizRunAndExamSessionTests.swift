import Foundation
import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorStorage

@testable import TutorSession

/// `tcptutor quiz` and `tcptutor exam` as session values: keys in, effects out, no terminal.
@Suite("Quiz run and exam sessions")
struct QuizRunAndExamSessionTests {
    static func type(_ text: String, into session: inout QuizSession) {
        for character in text { _ = session.update(.key(character == "\n" ? .enter : .character(character))) }
    }

    static func type(_ text: String, into session: inout ExamDriver) {
        for character in text { _ = session.update(.key(character == "\n" ? .enter : .character(character))) }
    }

    /// A quiz answer typed as keys: the right answer with the fields joined by Tab.
    static func keys(_ typed: [QuizField: String], _ fields: [QuizField]) -> String {
        fields.map { typed[$0] ?? "" }.joined(separator: "\t") + "\n"
    }

    @Test("a quiz run: each question graded, the segment shown after it, then a summary per lesson and kind")
    func quizRun() throws {
        // The handshake's quiz point, then every segment of the refused connection.
        let items =
            QuizRunItem.items([BuiltInLessons.handshake], everySegment: false)
            + QuizRunItem.items([BuiltInLessons.refused], everySegment: true)
        #expect(items.count >= 3)
        var session = QuizSession(items: items, language: .en, animates: false)
        for (index, item) in items.enumerated() {
            #expect(session.index == index)
            #expect(session.player?.pendingQuiz != nil, "the segment is hidden while asked")
            var typed = ExamFixtures.rightAnswer(item.question)
            if index == 0 { typed[.flags] = "F." }  // one wrong field on the first question
            Self.type(Self.keys(typed, item.question.fields), into: &session)
            guard case .feedback(let focus) = session.phase else {
                Issue.record("question \(index + 1) was not graded")
                return
            }
            #expect(focus.feedback.isAllCorrect == (index != 0))
            #expect(session.player?.pendingQuiz == nil, "the answered segment is shown")
            _ = session.update(.key(.space))
        }
        #expect(session.phase == .summary)
        #expect(session.results.lessons.count == 2)
        #expect(session.results.byKind[.flags]?.correct == items.count - 1)
        #expect(session.progress["three-way-handshake"]?.score?.answered == 1)
        #expect(session.update(.key(.character("q"))).contains(.quit))
    }

    @Test("predict every segment: every segment frame is a question with the segment hidden")
    func everySegment() throws {
        let timeline = BuiltInLessons.handshake
        let items = QuizRunItem.items([timeline], everySegment: true)
        #expect(items.count == timeline.frames.count { $0.wire != nil })
        let session = QuizSession(items: items, language: .en, animates: false)
        #expect(session.player?.pendingQuiz?.fields == [.flags, .seq, .ack])
        // The hosts as they were before the calls that make the first segment (`A connect`).
        let asked = items[0].question.frameIndex
        #expect(session.player?.visibleFrame.index == timeline.questionLeadStart(before: asked) - 1)
        #expect(session.player?.visibleFrame.host(.a).state == .closed)
    }

    @Test("a quiz run: Esc, then h for hints and Space to skip (scored as no answer); q ends with the results")
    func quizSkipAndHints() throws {
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: true)
        var session = QuizSession(items: items, language: .en, animates: false)
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("h")))
        #expect(session.panel?.hint == .rule)
        _ = session.update(.key(.space))
        guard case .feedback(let focus) = session.phase else {
            Issue.record("skipping should show the answer")
            return
        }
        #expect(focus.feedback.score.points == 0)
        #expect(focus.feedback.fields.allSatisfy { $0.given == nil })
        _ = session.update(.key(.space))
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("q")))
        #expect(session.phase == .summary)
        #expect(session.results.lessons["three-way-handshake"]?.questions == 1)
    }

    @Test("a quiz run: ? is the help with the field focused and not; h in the field is typed, not a hint")
    func quizHelpAndHintKeys() throws {
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: true)
        var session = QuizSession(items: items, language: .en, animates: false)
        _ = session.update(.key(.character("?")))
        #expect(session.showsHelp)
        _ = session.update(.key(.escape))
        #expect(!session.showsHelp)
        #expect(session.panelHasFocus, "Esc closes the help and leaves the field focused")
        _ = session.update(.key(.character("h")))
        let field = try #require(session.panel?.focusedField)
        #expect(session.panel?.input(field)?.text == "h", "in a field h is a letter")
        #expect(session.panel?.hint == nil)
        _ = session.update(.key(.backspace))
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("?")))
        #expect(session.showsHelp, "? is the help with the field left too")
        _ = session.update(.key(.character("h")))
        #expect(!session.showsHelp)
        #expect(session.panel?.hint == .rule, "the key that closes the help acts: h takes the hint")
    }

    // MARK: Exam

    static func exam(_ directory: URL, clock: ExamFixtures.ManualClock, questions: Int = 3) throws -> ExamDriver {
        let sitting = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "s1",
            parameters: ExamParameters(lessons: ["handshake", "close"], questionCount: questions, minutes: 30),
            lessons: FixtureLessons(), clock: clock.read)
        var session = ExamDriver(sitting)
        _ = session.update(.key(.enter))  // past the start screen, or the notice after a resume
        return session
    }

    @Test("an exam: no hints, no feedback, no going back; each answer is logged before the next question")
    func examFlow() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var session = try Self.exam(directory, clock: clock)
        let first = try #require(session.sitting.currentQuestion)
        #expect(session.questionNumber == 1)
        #expect(session.update(.key(.character("?"))) == [], "? is the help in an exam too")
        #expect(session.showsHelp)
        #expect(session.panel?.hint == nil, "no hints in an exam")
        _ = session.update(.key(.escape))
        #expect(!session.showsHelp)
        #expect(session.phase == .answering, "Esc closes the help, and does not pause typing")
        let right = ExamFixtures.rightAnswer(first.quiz)
        Self.type(Self.keys(right, first.quiz.fields), into: &session)
        #expect(session.questionNumber == 2, "the next question comes at once, with no answer shown")
        #expect(session.sitting.answers[1] == right)
        // Going back means nothing: the stepping keys are the panel's cursor keys, and Esc only pauses.
        _ = session.update(.key(.pageUp))
        _ = session.update(.key(.escape))
        #expect(session.phase == .paused)
        _ = session.update(.key(.left))
        _ = session.update(.key(.enter))
        #expect(session.phase == .answering)
        #expect(session.questionNumber == 2)
        // A new sitting on the same log (once this one has let go of it, as a killed program does) resumes on
        // question 2 with the first answer kept.
        session = try Self.exam(ExamFixtures.directory(), clock: clock)
        let resumed = try Self.exam(directory, clock: clock)
        #expect(resumed.sitting.isResumed)
        #expect(resumed.questionNumber == 2)
        #expect(resumed.sitting.answers[1] == right)
    }

    @Test("an exam: when the time is up the exam closes, and typed answers are no longer taken")
    func examTimeUp() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var session = try Self.exam(directory, clock: clock)
        let question = try #require(session.sitting.currentQuestion)
        clock.advance(minutes: 29.5)
        _ = session.update(.tick)
        #expect(session.phase == .answering)
        #expect(session.remainingMilliseconds == 30_000)
        clock.advance(minutes: 0.6)
        Self.type(Self.keys(ExamFixtures.rightAnswer(question.quiz), question.quiz.fields), into: &session)
        #expect(session.phase == .finished(timeUp: true))
        #expect(session.sitting.answers.isEmpty)
        #expect(session.sitting.isFinished)
        #expect(session.update(.key(.character("q"))) == [.quit])
    }

    @Test("an exam: every question answered closes it")
    func examFinished() throws {
        let directory = ExamFixtures.directory()
        var session = try Self.exam(directory, clock: ExamFixtures.ManualClock(), questions: 2)
        while let question = session.sitting.currentQuestion {
            Self.type(Self.keys(ExamFixtures.rightAnswer(question.quiz), question.quiz.fields), into: &session)
        }
        #expect(session.phase == .finished(timeUp: false))
        #expect(session.answeredCount == 2)
    }
}
