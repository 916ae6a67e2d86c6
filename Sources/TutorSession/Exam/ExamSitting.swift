import LessonKit
import TimelineKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A student taking an exam: the questions derived for them, the answers so far, the clock. Every answer is
/// in the log before `submit` returns, so a crash or `kill -9` loses nothing: beginning again with the same
/// key, id and parameters resumes at the first unanswered question, and the time left is computed from the
/// start time in the log (the clock keeps running while the program is down).
///
/// A new exam's log is created (and locked) at once, so a folder that cannot take it is found before the
/// student begins; the clock starts only with `begin()`, when the student has read the start screen.
public final class ExamSitting {
    public let blueprint: ExamBlueprint
    public let questions: [ExamQuestion]
    /// Typed answers by question number.
    public private(set) var answers: [Int: [QuizField: String]] = [:]
    /// When the exam began, in milliseconds since 1970, from the log; nil until the student begins.
    public private(set) var startTime: Int64?
    /// Whether this sitting resumed an earlier one.
    public let isResumed: Bool
    public private(set) var isFinished: Bool
    private let log: ExamLogFile
    private let clock: @Sendable () -> Int64

    /// The wall clock in milliseconds since 1970.
    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    /// The log file of a student in an exam directory (the id folded: `ALICE` writes `alice.examlog`).
    public static func logURL(directory: URL, studentID: String) -> URL {
        directory.appendingPathComponent("\(StudentID.canonical(studentID)).examlog")
    }

    /// Opens the exam: resumes it if the student's log already holds its start, otherwise creates the log and
    /// waits for `begin()`.
    public init(
        directory: URL, key: ExamKey, studentID: String, parameters: ExamParameters,
        lessons: some ExamLessonSource, clock: @escaping @Sendable () -> Int64 = ExamSitting.systemClock
    ) throws(ExamError) {
        let pool = try lessons.pool(parameters.lessons)
        blueprint = try ExamBlueprint.derive(key: key, studentID: studentID, parameters: parameters, pool: pool)
        let studentID = blueprint.studentID
        questions = try ExamQuestion.all(blueprint, lessons: lessons)
        self.clock = clock
        let url = Self.logURL(directory: directory, studentID: studentID)
        let existing = FileManager.default.fileExists(atPath: url.path)
        let opened = existing ? try ExamLogFile.openForAppending(at: url) : try ExamLogFile.create(at: url)
        log = opened
        if let start = opened.records.first {
            guard let header = start.start else { throw ExamError.log("\(url.path) has no start record") }
            guard StudentID.canonical(start.student) == studentID else {
                throw ExamError.mismatch("\(url.path) belongs to student '\(start.student)'")
            }
            guard header.parameters == parameters, header.fingerprint == blueprint.fingerprint else {
                let earlier = header.parameters
                throw ExamError.mismatch(
                    "\(url.path) was started with other settings (lessons \(earlier.lessons.joined(separator: ",")), "
                        + "\(earlier.questionCount) questions, \(earlier.minutesText) minutes) or another key")
            }
            startTime = start.time
            isResumed = true
            isFinished = log.records.contains { $0.kind == .finish }
            for record in log.records {
                if let answer = record.answer { answers[answer.question] = answer.typed }
            }
            if !isFinished { try log.append(.resume, student: studentID, time: clock()) }
        } else {
            // A new exam, or one whose start record never reached the disk: the clock starts with `begin()`.
            startTime = nil
            isResumed = false
            isFinished = false
        }
    }

    /// Whether the clock has started.
    public var hasBegun: Bool { startTime != nil }

    /// Starts the clock: the start record goes into the log. Nothing happens if the exam has begun already.
    public func begin() throws(ExamError) {
        guard startTime == nil else { return }
        let now = clock()
        let header = ExamLogRecord.Start(
            version: 1, parameters: blueprint.parameters, fingerprint: blueprint.fingerprint)
        try log.append(.start, student: blueprint.studentID, time: now, start: header)
        startTime = now
    }

    /// Removes the log of an exam that was never begun (the student left at the start screen), so that no
    /// empty log is collected; a log that holds anything is never touched.
    public func discardIfNotBegun() {
        guard startTime == nil, log.records.isEmpty else { return }
        _ = unlink(log.url.path)
    }

    /// The question to answer now: the first one without an answer.
    public var currentQuestion: ExamQuestion? {
        guard !isFinished else { return nil }
        return questions.first { answers[$0.plan.number] == nil }
    }

    /// Milliseconds since the exam began, from the log's start time (0 before it begins).
    public func elapsed() -> Int64 { startTime.map { max(0, clock() - $0) } ?? 0 }

    /// Milliseconds left, never below zero.
    public func remaining() -> Int64 { max(0, blueprint.parameters.milliseconds - elapsed()) }

    /// Records the answer to the current question. Unreadable input is refused with the parse error (nothing is
    /// logged); past the deadline the exam is closed and nothing more is taken.
    public func submit(_ typed: [QuizField: String]) throws -> ExamQuestion? {
        guard let question = currentQuestion else { throw ExamError.finished }
        guard hasBegun else { throw ExamError.notBegun }
        guard remaining() > 0 else {
            try finish()
            throw ExamError.timeUp
        }
        _ = try AnswerParser.answer(typed, hosts: question.hosts)
        let asked = typed.filter { question.quiz.fields.contains($0.key) }
        let answer = ExamLogRecord.Answer(question: question.plan.number, point: question.plan.point.id, fields: asked)
        try log.append(.answer, student: blueprint.studentID, time: clock(), answer: answer)
        answers[question.plan.number] = asked
        if currentQuestion == nil { try finish() }
        return currentQuestion
    }

    /// The time ran out while the student had typed an answer without submitting it: the typed fields go into
    /// the log as they are, marked as submitted by the clock, and the exam ends. Unreadable text is kept (it is
    /// graded as wrong); a question with nothing typed gets no answer.
    public func submitAtTimeUp(_ typed: [QuizField: String]) throws(ExamError) {
        defer { try? finish() }
        guard hasBegun, let question = currentQuestion else { return }
        let asked = typed.filter { question.quiz.fields.contains($0.key) && !$0.value.allSatisfy(\.isWhitespace) }
        guard !asked.isEmpty else { return }
        let answer = ExamLogRecord.Answer(
            question: question.plan.number, point: question.plan.point.id, fields: asked, timeUp: true)
        try log.append(.answer, student: blueprint.studentID, time: clock(), answer: answer)
        answers[question.plan.number] = asked
    }

    /// Ends the exam (the student is done, or the time is up).
    public func finish() throws(ExamError) {
        guard !isFinished, hasBegun else { return }
        try log.append(.finish, student: blueprint.studentID, time: clock())
        isFinished = true
    }
}
