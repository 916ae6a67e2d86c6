import Foundation
import LessonKit
import Testing
import TimelineKit
import TutorStorage

@testable import TutorSession

@Suite("Exam sitting: answers logged at once, resumed after a crash, an honest clock")
struct ExamSittingTests {
    let lessons = FixtureLessons()

    func sitting(
        _ directory: URL, student: String = "s1", key: ExamKey = ExamFixtures.key,
        parameters: ExamParameters = ExamFixtures.parameters, clock: ExamFixtures.ManualClock, begin: Bool = true
    ) throws -> LoggedSitting {
        let sitting = try LoggedSitting(
            directory: directory, key: key, studentID: student, parameters: parameters, lessons: lessons,
            clock: clock.read)
        if begin { try sitting.begin() }
        return sitting
    }

    @Test("answers go to the log before submit returns; a new sitting resumes where the student was")
    func resume() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        var first: LoggedSitting? = try sitting(directory, clock: clock)
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
        let kinds = try ExamLogFile.read(ExamLogFile.url(directory: directory, studentID: "s1")).records.map(\.kind)
        #expect(kinds == [.start, .answer, .answer, .resume])
    }

    @Test("an unreadable answer is refused and nothing is logged")
    func unreadable() throws {
        let directory = ExamFixtures.directory()
        let exam = try sitting(directory, clock: ExamFixtures.ManualClock())
        #expect(throws: AnswerError.self) { try exam.submit([.flags: "SYN,AKC"]) }
        #expect(exam.currentQuestion?.plan.number == 1)
        #expect(try ExamLogFile.read(ExamLogFile.url(directory: directory, studentID: "s1")).records.count == 1)
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
        let kinds = try ExamLogFile.read(ExamLogFile.url(directory: directory, studentID: "s1")).records.map(\.kind)
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
        let url = ExamLogFile.url(directory: directory, studentID: "s1")
        try FileManager.default.copyItem(at: url, to: ExamLogFile.url(directory: directory, studentID: "s2"))
        #expect(throws: ExamError.self) { try sitting(directory, student: "s2", clock: clock) }
    }

    @Test("a damaged log is not resumed")
    func damaged() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let exam = try sitting(directory, clock: clock)
        _ = try exam.submit(ExamFixtures.rightAnswer(try #require(exam.currentQuestion).quiz))
        let url = ExamLogFile.url(directory: directory, studentID: "s1")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: #""time":"#, with: #""time":1"#)
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: ExamError.self) { try sitting(directory, clock: clock) }
    }

    @Test("killed before the start record reached the disk: the exam simply starts")
    func tornStart() throws {
        let directory = ExamFixtures.directory()
        let url = ExamLogFile.url(directory: directory, studentID: "s1")
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
        #expect(try ExamLogFile.read(ExamLogFile.url(directory: directory, studentID: "s1")).problem == nil)
    }

    @Test("the clock starts when the student begins, not when the exam is opened")
    func clockStartsAtBegin() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let exam = try sitting(directory, clock: clock, begin: false)
        let url = ExamLogFile.url(directory: directory, studentID: "s1")
        clock.advance(minutes: 5)  // reading the start screen
        #expect(!exam.hasBegun && exam.startTime == nil)
        #expect(exam.remaining() == 30 * 60_000)
        #expect(try ExamLogFile.read(url).records.isEmpty, "nothing is logged before the student begins")
        #expect(throws: ExamError.notBegun) { try exam.submit([.seq: "1"]) }
        try exam.begin()
        clock.advance(minutes: 1)
        #expect(exam.remaining() == 29 * 60_000)
        #expect(try ExamLogFile.read(url).records.map(\.kind) == [.start])
    }

    @Test("an exam left at the start screen leaves no log; a begun one is never removed")
    func leftAtTheStartScreen() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let url = ExamLogFile.url(directory: directory, studentID: "s1")
        do {
            let exam = try sitting(directory, clock: clock, begin: false)
            #expect(FileManager.default.fileExists(atPath: url.path), "the log is reserved at once")
            exam.discardIfNotBegun()
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        // Killed at the start screen: the empty log is opened again as a new exam.
        _ = try ExamLogFile.create(at: url)
        let again = try sitting(directory, clock: clock, begin: false)
        #expect(!again.isResumed && !again.hasBegun)
        try again.begin()
        again.discardIfNotBegun()
        #expect(try ExamLogFile.read(url).records.map(\.kind) == [.start])
    }

    @Test("when the time runs out, a typed answer is logged as the clock's submission and the exam ends")
    func timeUpSubmission() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let exam = try sitting(directory, clock: clock)
        let question = try #require(exam.currentQuestion)
        clock.advance(minutes: 30)
        // Unreadable text is kept as typed (it is graded as wrong); blank fields and fields not asked are not.
        try exam.submitAtTimeUp([.flags: "S", .seq: "12ab", .ack: "  ", .state: "LISTEN"])
        #expect(exam.isFinished)
        let records = try ExamLogFile.read(ExamLogFile.url(directory: directory, studentID: "s1")).records
        #expect(records.map(\.kind) == [.start, .answer, .finish])
        let answer = try #require(records[1].answer)
        #expect(answer.timeUp == true && answer.question == question.plan.number)
        let expected = [QuizField.flags: "S", .seq: "12ab", .state: "LISTEN"].filter {
            question.quiz.fields.contains($0.key)
        }
        #expect(answer.typed == expected)

        let empty = try sitting(ExamFixtures.directory(), clock: clock)
        clock.advance(minutes: 31)
        try empty.submitAtTimeUp([.flags: "", .seq: " "])
        #expect(empty.isFinished && empty.answers.isEmpty, "nothing typed: no answer is made up")
    }

    @Test("student ids are case-folded: ALICE sits alice's exam and writes alice's log")
    func caseFolded() throws {
        let directory = ExamFixtures.directory()
        let clock = ExamFixtures.ManualClock()
        let pool = try lessons.pool(ExamFixtures.parameters.lessons)
        let alice = try ExamBlueprint.derive(
            key: ExamFixtures.key, studentID: "alice", parameters: ExamFixtures.parameters, pool: pool)
        let upper = try ExamBlueprint.derive(
            key: ExamFixtures.key, studentID: "ALICE", parameters: ExamFixtures.parameters, pool: pool)
        #expect(upper == alice && upper.studentID == "alice")
        do {
            let exam = try sitting(directory, student: "ALICE", clock: clock)
            #expect(exam.blueprint == alice)
            _ = try exam.submit(ExamFixtures.rightAnswer(try #require(exam.currentQuestion).quiz))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["alice.examlog"])
        let resumed = try sitting(directory, student: "Alice", clock: clock)
        #expect(resumed.isResumed && resumed.answers.count == 1)
    }
}
