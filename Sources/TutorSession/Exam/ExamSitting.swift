import LessonKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A student taking an exam: the questions derived for them, the answers so far, the clock. Every answer is
/// in the log before `submit` returns, so a crash or `kill -9` loses nothing: beginning again with the same
/// key, id and parameters resumes at the first unanswered question, and the time left is computed from the
/// start time in the log (the clock keeps running while the program is down).
public final class ExamSitting {
    public let blueprint: ExamBlueprint
    public let questions: [ExamQuestion]
    /// Typed answers by question number.
    public private(set) var answers: [Int: [QuizField: String]] = [:]
    /// When the exam began, in milliseconds since 1970, from the log.
    public let startTime: Int64
    /// Whether this sitting resumed an earlier one.
    public let isResumed: Bool
    public private(set) var isFinished: Bool
    private let log: ExamLogFile
    private let clock: @Sendable () -> Int64

    /// The wall clock in milliseconds since 1970.
    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    /// The log file of a student in an exam directory.
    public static func logURL(directory: URL, studentID: String) -> URL {
        directory.appendingPathComponent("\(studentID).examlog")
    }

    /// Begins the exam, or resumes it if the student's log already exists in `directory`.
    public init(
        directory: URL, key: ExamKey, studentID: String, parameters: ExamParameters,
        lessons: some ExamLessonSource, clock: @escaping @Sendable () -> Int64 = ExamSitting.systemClock
    ) throws(ExamError) {
        let pool = try lessons.pool(parameters.lessons)
        blueprint = try ExamBlueprint.derive(key: key, studentID: studentID, parameters: parameters, pool: pool)
        questions = try ExamQuestion.all(blueprint, lessons: lessons)
        self.clock = clock
        let url = Self.logURL(directory: directory, studentID: studentID)
        let existing = FileManager.default.fileExists(atPath: url.path)
        let opened = existing ? try ExamLogFile.openForAppending(at: url) : try ExamLogFile.create(at: url)
        log = opened
        if let start = opened.records.first {
            guard let header = start.start else { throw ExamError.log("\(url.path) has no start record") }
            guard start.student == studentID else {
                throw ExamError.mismatch("\(url.path) belongs to student '\(start.student)'")
            }
            guard header.parameters == parameters, header.fingerprint == blueprint.fingerprint else {
                throw ExamError.mismatch(
                    "\(url.path) was started with other settings (lessons \(header.parameters.lessons), "
                        + "\(header.parameters.questionCount) questions, \(header.parameters.minutes) minutes) or "
                        + "another key")
            }
            startTime = start.time
            isResumed = true
            isFinished = log.records.contains { $0.kind == .finish }
            for record in log.records {
                if let answer = record.answer { answers[answer.question] = answer.typed }
            }
            if !isFinished { try log.append(.resume, student: studentID, time: clock()) }
        } else {
            // A new exam, or one whose start record never reached the disk.
            let now = clock()
            let header = ExamLogRecord.Start(version: 1, parameters: parameters, fingerprint: blueprint.fingerprint)
            try log.append(.start, student: studentID, time: now, start: header)
            startTime = now
            isResumed = false
            isFinished = false
        }
    }

    /// The question to answer now: the first one without an answer.
    public var currentQuestion: ExamQuestion? {
        guard !isFinished else { return nil }
        return questions.first { answers[$0.plan.number] == nil }
    }

    /// Milliseconds since the exam began, from the log's start time.
    public func elapsed() -> Int64 { max(0, clock() - startTime) }

    /// Milliseconds left, never below zero.
    public func remaining() -> Int64 { max(0, blueprint.parameters.milliseconds - elapsed()) }

    /// Records the answer to the current question. Unreadable input is refused with the parse error (nothing is
    /// logged); past the deadline the exam is closed and nothing more is taken.
    public func submit(_ typed: [QuizField: String]) throws -> ExamQuestion? {
        guard let question = currentQuestion else { throw ExamError.finished }
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

    /// Ends the exam (the student is done, or the time is up).
    public func finish() throws(ExamError) {
        guard !isFinished else { return }
        try log.append(.finish, student: blueprint.studentID, time: clock())
        isFinished = true
    }
}
