import Foundation
import LessonKit
import Testing
import TimelineKit
import TutorStorage

@testable import TutorSession

/// The exam as the full screen drives it: the start screen, the notice after a resume, and the clock running
/// out on a typed answer.
@Suite("Exam session: start screen, resume notice, time up")
struct ExamSessionTests {
    static let parameters = ExamParameters(lessons: ["handshake", "close"], questionCount: 3, minutes: 30)

    static func session(_ directory: URL, clock: ExamFixtures.ManualClock, student: String = "s1") throws -> ExamDriver
    {
        let sitting = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: student, parameters: parameters,
            lessons: FixtureLessons(), clock: clock.read)
        return ExamDriver(sitting)
    }

    /// Fills the question's fields with the engine's answer, without submitting.
    static func fill(_ session: inout ExamDriver, except skipped: Set<QuizField> = []) throws {
        let question = try #require(session.sitting.currentQuestion)
        for (field, text) in ExamFixtures.rightAnswer(question.quiz) where !skipped.contains(field) {
            session.setAnswer(text, for: field)
        }
    }

    @Test("a new exam opens on the start screen; the clock starts with Enter")
    func startScreen() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var session = try Self.session(directory, clock: clock)
        #expect(session.phase == .ready)
        #expect(session.panel == nil)
        clock.advance(minutes: 3)
        _ = session.update(.tick)
        #expect(session.phase == .ready)
        #expect(session.remainingMilliseconds == 30 * 60_000, "the clock waits for the student")
        #expect(session.update(.key(.character("x"))) == [])
        _ = session.update(.key(.character("l")))
        #expect(session.language == .zh)
        #expect(session.update(.key(.enter)).isEmpty)
        #expect(session.phase == .answering && session.questionNumber == 1)
        clock.advance(minutes: 1)
        #expect(session.remainingMilliseconds == 30 * 60_000, "the session reads no clock: the time comes in messages")
        _ = session.update(.tick)
        #expect(session.remainingMilliseconds == 29 * 60_000)
        let log = ExamLogFile.url(directory: directory, studentID: "s1")
        #expect(try ExamLogFile.read(log).records.first?.time == session.sitting.startTime)
    }

    @Test("q on the start screen leaves without beginning: nothing is logged")
    func leaveAtStart() throws {
        let directory = ExamFixtures.directory()
        var session = try Self.session(directory, clock: ExamFixtures.ManualClock())
        #expect(session.update(.key(.character("q"))) == [.quit])
        #expect(!session.sitting.hasBegun)
        session.discardIfNotBegun()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a resumed exam opens on a notice: answers kept, the clock ran on; Enter goes on")
    func resumeNotice() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        do {
            var first = try Self.session(directory, clock: clock)
            _ = first.update(.key(.enter))
            try Self.fill(&first)
            let submitted = first.submitTyped()
            #expect(submitted)
        }
        clock.advance(minutes: 5)
        var again = try Self.session(directory, clock: clock)
        #expect(again.phase == .resumed)
        #expect(again.answeredCount == 1 && again.questionNumber == 2)
        #expect(again.remainingMilliseconds == 25 * 60_000)
        _ = again.update(.key(.enter))
        #expect(again.phase == .answering && again.questionNumber == 2)
    }

    @Test("time up on a typed answer: it is submitted, graded, and the exam is graded 'time up'")
    func timeUpSubmitsTheTypedAnswer() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var session = try Self.session(directory, clock: clock)
        _ = session.update(.key(.enter))
        try Self.fill(&session)
        let submitted = session.submitTyped()
        #expect(submitted)
        // The second answer is typed in full, except that Enter is never pressed; then Esc pauses typing.
        try Self.fill(&session)
        _ = session.update(.key(.escape))
        #expect(session.phase == .paused)
        clock.advance(minutes: 30)
        _ = session.update(.tick)
        #expect(session.phase == .finished(timeUp: true))
        let clockSubmitted = session.clockSubmitted
        #expect(clockSubmitted)
        #expect(session.answeredCount == 2)

        let report = try ExamGrader(key: ExamFixtures.key, lessons: FixtureLessons()).grade(directories: [directory])
        let student = try #require(report.students.first)
        #expect(student.status == .timeUp)
        #expect(student.feedback.count == 2 && student.clockSubmitted == 1)
        #expect(student.feedback[2]?.isAllCorrect == true, "the answer the clock submitted is graded")
        #expect(report.csv.split(separator: "\n")[1].hasPrefix("s1,time up,"))
        // The unanswered question's row still says what it was worth.
        let worth = try #require(student.possibleByQuestion[3])
        #expect(worth > 0)
        #expect(report.summaryCSV.contains("\nquestion,q3,1,0,0,0.00,\(worth),"), "\(report.summaryCSV)")
    }

    @Test("time up on an empty answer: nothing is made up, the exam is closed")
    func timeUpWithNothingTyped() throws {
        let clock = ExamFixtures.ManualClock()
        var session = try Self.session(ExamFixtures.directory(), clock: clock)
        _ = session.update(.key(.enter))
        clock.advance(minutes: 31)
        _ = session.update(.tick)
        #expect(session.phase == .finished(timeUp: true))
        #expect(!session.clockSubmitted && session.answeredCount == 0)
    }
}
