import LessonKit
import Testing
import TimelineKit

@testable import TutorSession

/// The exam session does no I/O: it asks for each log write as an effect, reads the time from its messages,
/// and takes an answer back into its fields when the write fails.
@Suite("Exam session: log writes are effects, the time comes in messages")
struct ExamLogEffectTests {
    static let start: Int64 = 1_790_000_000_000

    static func session() throws -> ExamSession {
        let sitting = try ExamSitting(
            key: ExamFixtures.key, studentID: "s1", parameters: ExamFixtures.parameters, lessons: FixtureLessons(),
            records: [], logName: "s1.examlog")
        return ExamSession(sitting: sitting, language: .en, now: start)
    }

    @Test("Enter asks for the start record, stamped with the time passed in")
    func startIsAnEffect() throws {
        var session = try Self.session()
        _ = session.update(.time(Self.start + 5_000))
        let effects = session.update(.key(.enter))
        guard case .appendToExamLog(let entries) = effects.first else {
            Issue.record("no log write asked for: \(effects)")
            return
        }
        #expect(entries.map(\.kind) == [.start])
        #expect(entries.first?.time == Self.start + 5_000)
        #expect(session.sitting.startTime == Self.start + 5_000)
        _ = session.update(.time(Self.start + 65_000))
        #expect(session.remainingMilliseconds == 29 * 60_000, "the clock is the time in the messages")
    }

    @Test("a write that fails comes back: the answer returns to its fields and the student is told")
    func failedWriteLosesNothing() throws {
        var session = try Self.session()
        _ = session.update(.key(.enter))
        let question = try #require(session.sitting.currentQuestion)
        let typed = ExamFixtures.rightAnswer(question.quiz)
        for (field, text) in typed { session.setAnswer(text, for: field) }
        let effects = session.submitTyped()
        let write = try #require(effects.first)
        guard case .appendToExamLog(let entries) = write else {
            Issue.record("the answer was not asked to be written: \(effects)")
            return
        }
        #expect(entries.map(\.kind) == [.answer])
        #expect(session.answeredCount == 1)

        _ = session.update(.failed(write, reason: "cannot write s1.examlog: No space left on device"))
        #expect(session.problem == "cannot write s1.examlog: No space left on device")
        #expect(session.answeredCount == 0)
        #expect(session.questionNumber == 1, "the same question is up again")
        for (field, text) in typed { #expect(session.panel?.input(field)?.text == text, "\(field) kept") }

        // Enter again, and this time the write goes through.
        let again = session.submitTyped()
        #expect(again == [write])
        #expect(session.answeredCount == 1 && session.questionNumber == 2)
        #expect(session.problem == nil)
    }

    @Test("a start that cannot be written leaves the exam on its start screen")
    func failedStart() throws {
        var session = try Self.session()
        let effects = session.update(.key(.enter))
        let write = try #require(effects.first)
        _ = session.update(.failed(write, reason: "the disk is full"))
        #expect(session.phase == .ready)
        #expect(!session.sitting.hasBegun)
        #expect(session.problem == "the disk is full")
    }
}
