import Foundation
import LessonKit
import Testing

@testable import TutorSession

@Suite("Exam sitting: answers logged at once, resumed after a crash, an honest clock")
struct ExamSittingTests {
    let lessons = FixtureLessons()

    func sitting(
        _ directory: URL, student: String = "s1", key: ExamKey = ExamFixtures.key,
        parameters: ExamParameters = ExamFixtures.parameters, clock: ExamFixtures.ManualClock
    ) throws -> ExamSitting {
        try ExamSitting(
            directory: directory, key: key, studentID: student, parameters: parameters, lessons: lessons,
            clock: clock.read)
    }

    @Test("answers go to the log before submit returns; a new sitting resumes where the student was")
    func resume() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var first: ExamSitting? = try sitting(directory, clock: clock)
        let startTime = try #require(first?.startTime)
        #expect(first?.isResumed == false)
        for _ in 0..<2 {
            clock.advance(minutes: 2)
            let question = try #require(first?.currentQuestion)
            _ = try first?.submit(ExamFixtures.rightAnswer(question.quiz))
        }
        let answered = try #require(first?.answers)
        first = nil  // the program dies here: nothing is flushed on the way out

        clock.advance(minutes: 10)
        let second = try sitting(directory, clock: clock)
        #expect(second.isResumed)
        #expect(second.answers == answered)
        #expect(second.currentQuestion?.plan.number == 3)
        #expect(second.startTime == startTime)
        #expect(second.elapsed() == 14 * 60_000)
        #expect(second.remaining() == 16 * 60_000)
        let kinds = try ExamLogFile.read(ExamSitting.logURL(directory: directory, studentID: "s1")).records.map(\.kind)
        #expect(kinds == [.start, .answer, .answer, .resume])
    }

    @Test("an unreadable answer is refused and nothing is logged")
    func unreadable() throws {
        let directory = ExamFixtures.directory()
        let exam = try sitting(directory, clock: ExamFixtures.ManualClock())
        #expect(throws: AnswerError.self) { try exam.submit([.flags: "SYN,AKC"]) }
        #expect(exam.currentQuestion?.plan.number == 1)
        #expect(try ExamLogFile.read(ExamSitting.logURL(directory: directory, studentID: "s1")).records.count == 1)
    }

    @Test("after the last answer the exam finishes; past the deadline nothing more is taken")
    func finishAndTimeUp() throws {
        let clock = ExamFixtures.ManualClock()
        let done = try sitting(ExamFixtures.directory(), clock: clock)
        while let question = done.currentQuestion { _ = try done.submit(ExamFixtures.rightAnswer(question.quiz)) }
        #expect(done.isFinished)
        #expect(throws: ExamError.finished) { try done.submit([.seq: "1"]) }

        let directory = ExamFixtures.directory()
        do {
            let late = try sitting(directory, clock: clock)
            clock.advance(minutes: 31)
            #expect(late.remaining() == 0)
            #expect(throws: ExamError.timeUp) { try late.submit([.seq: "1"]) }
            #expect(late.isFinished)
        }
        let kinds = try ExamLogFile.read(ExamSitting.logURL(directory: directory, studentID: "s1")).records.map(\.kind)
        #expect(kinds == [.start, .finish])
        let again = try sitting(directory, clock: clock)
        #expect(again.isFinished && again.currentQuestion == nil)
    }

    @Test("a log is resumed only by the exam that wrote it")
    func mismatch() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        _ = try sitting(directory, clock: clock)
        let longer = ExamParameters(lessons: ["handshake", "close"], questionCount: 5, minutes: 60)
        #expect(throws: ExamError.self) { try sitting(directory, parameters: longer, clock: clock) }
        #expect(throws: ExamError.self) { try sitting(directory, key: ExamFixtures.otherKey, clock: clock) }
        let url = ExamSitting.logURL(directory: directory, studentID: "s1")
        try FileManager.default.copyItem(at: url, to: ExamSitting.logURL(directory: directory, studentID: "s2"))
        #expect(throws: ExamError.self) { try sitting(directory, student: "s2", clock: clock) }
    }

    @Test("a damaged log is not resumed")
    func damaged() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let exam = try sitting(directory, clock: clock)
        _ = try exam.submit(ExamFixtures.rightAnswer(try #require(exam.currentQuestion).quiz))
        let url = ExamSitting.logURL(directory: directory, studentID: "s1")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: #""time":"#, with: #""time":1"#)
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: ExamError.self) { try sitting(directory, clock: clock) }
    }

    @Test("killed before the start record reached the disk: the exam simply starts")
    func tornStart() throws {
        let directory = ExamFixtures.directory()
        let url = ExamSitting.logURL(directory: directory, studentID: "s1")
        try Data(#"{"hash":"ab","record":{"ind"#.utf8).write(to: url)
        let exam = try sitting(directory, clock: ExamFixtures.ManualClock())
        #expect(!exam.isResumed && exam.currentQuestion?.plan.number == 1)
        let contents = try ExamLogFile.read(url)
        #expect(contents.problem == nil && !contents.tornTail && contents.records.map(\.kind) == [.start])
    }

    @Test("the same exam cannot be open twice at once")
    func oneWriter() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let open = try sitting(directory, clock: clock)
        #expect(throws: ExamError.self) { try sitting(directory, clock: clock) }
        _ = try open.submit(ExamFixtures.rightAnswer(try #require(open.currentQuestion).quiz))
        #expect(try ExamLogFile.read(ExamSitting.logURL(directory: directory, studentID: "s1")).problem == nil)
    }
}
