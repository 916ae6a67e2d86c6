import LessonKit
import TimelineKit

/// A student taking an exam: the questions derived for them, the answers so far, the time it began. A value:
/// it reads no clock (the time is passed in) and writes no file. Each change returns the log entries that
/// record it (`ExamLogEntry`); the runtime appends them to the student's log (TutorStorage's `ExamLogFile`)
/// before the next key is read, so a crash or `kill -9` loses nothing. Beginning again with the same key, id
/// and parameters resumes at the first unanswered question, and the time left is computed from the start time
/// in the log (the clock keeps running while the program is down).
///
/// The clock starts only with `begin(at:)`, when the student has read the start screen.
public struct ExamSitting: Hashable, Sendable {
    public let blueprint: ExamBlueprint
    public let questions: [ExamQuestion]
    /// Typed answers by question number.
    public private(set) var answers: [Int: [QuizField: String]] = [:]
    /// When the exam began, in milliseconds since 1970, from the log; nil until the student begins.
    public private(set) var startTime: Int64?
    /// Whether this sitting resumed an earlier one.
    public let isResumed: Bool
    public private(set) var isFinished: Bool

    /// The exam of `studentID`, as the `records` already in their log leave it (none for a new exam).
    /// `logName` names the log in messages.
    public init(
        key: ExamKey, studentID: String, parameters: ExamParameters, lessons: some ExamLessonSource,
        records: [ExamLogRecord], logName: String
    ) throws(ExamError) {
        let pool = try lessons.pool(parameters.lessons)
        blueprint = try ExamBlueprint.derive(key: key, studentID: studentID, parameters: parameters, pool: pool)
        questions = try ExamQuestion.all(blueprint, lessons: lessons)
        guard let start = records.first else {
            // A new exam, or one whose start record never reached the disk: the clock starts with `begin`.
            startTime = nil
            isResumed = false
            isFinished = false
            return
        }
        guard let header = start.start else { throw ExamError.log("\(logName) has no start record") }
        guard StudentID.canonical(start.student) == blueprint.studentID else {
            throw ExamError.mismatch("\(logName) belongs to student '\(start.student)'")
        }
        guard header.parameters == parameters, header.fingerprint == blueprint.fingerprint else {
            let earlier = header.parameters
            throw ExamError.mismatch(
                "\(logName) was started with other settings (lessons \(earlier.lessons.joined(separator: ",")), "
                    + "\(earlier.questionCount) questions, \(earlier.minutesText) minutes) or another key")
        }
        startTime = start.time
        isResumed = true
        isFinished = records.contains { $0.kind == .finish }
        for record in records {
            if let answer = record.answer { answers[answer.question] = answer.typed }
        }
    }

    /// The entry that notes a resumed exam going on at `now`; nil for a new or finished exam.
    public func resumeEntry(at now: Int64) -> ExamLogEntry? {
        guard isResumed, !isFinished else { return nil }
        return ExamLogEntry(kind: .resume, student: blueprint.studentID, time: now)
    }

    /// Whether the clock has started.
    public var hasBegun: Bool { startTime != nil }

    /// Starts the clock at `now`: the start entry. Nil if the exam has begun already.
    public mutating func begin(at now: Int64) -> ExamLogEntry? {
        guard startTime == nil else { return nil }
        startTime = now
        let header = ExamLogRecord.Start(
            version: 1, parameters: blueprint.parameters, fingerprint: blueprint.fingerprint)
        return ExamLogEntry(kind: .start, student: blueprint.studentID, time: now, start: header)
    }

    /// The question to answer now: the first one without an answer.
    public var currentQuestion: ExamQuestion? {
        guard !isFinished else { return nil }
        return questions.first { answers[$0.plan.number] == nil }
    }

    /// Milliseconds since the exam began at `now`, from the log's start time (0 before it begins).
    public func elapsed(at now: Int64) -> Int64 { startTime.map { max(0, now - $0) } ?? 0 }

    /// Milliseconds left at `now`, never below zero.
    public func remaining(at now: Int64) -> Int64 { max(0, blueprint.parameters.milliseconds - elapsed(at: now)) }

    /// Records the answer to the current question: its entry, and the finish entry after the last question.
    /// Unreadable input is refused with the parse error (nothing is recorded); past the deadline `timeUp` is
    /// thrown and the caller finishes the exam.
    public mutating func submit(_ typed: [QuizField: String], at now: Int64) throws -> [ExamLogEntry] {
        guard let question = currentQuestion else { throw ExamError.finished }
        guard hasBegun else { throw ExamError.notBegun }
        guard remaining(at: now) > 0 else { throw ExamError.timeUp }
        _ = try AnswerParser.answer(typed, hosts: question.hosts)
        let asked = typed.filter { question.quiz.fields.contains($0.key) }
        let answer = ExamLogRecord.Answer(question: question.plan.number, point: question.plan.point.id, fields: asked)
        answers[question.plan.number] = asked
        var entries = [ExamLogEntry(kind: .answer, student: blueprint.studentID, time: now, answer: answer)]
        if currentQuestion == nil, let finish = finish(at: now) { entries.append(finish) }
        return entries
    }

    /// The time ran out while the student had typed an answer without submitting it: the typed fields are
    /// recorded as they are, marked as submitted by the clock, and the exam ends. Unreadable text is kept (it is
    /// graded as wrong); a question with nothing typed gets no answer.
    public mutating func submitAtTimeUp(_ typed: [QuizField: String], at now: Int64) -> [ExamLogEntry] {
        var entries: [ExamLogEntry] = []
        if hasBegun, let question = currentQuestion {
            let asked = typed.filter {
                question.quiz.fields.contains($0.key) && !$0.value.allSatisfy(\.isWhitespace)
            }
            if !asked.isEmpty {
                let answer = ExamLogRecord.Answer(
                    question: question.plan.number, point: question.plan.point.id, fields: asked, timeUp: true)
                answers[question.plan.number] = asked
                entries.append(ExamLogEntry(kind: .answer, student: blueprint.studentID, time: now, answer: answer))
            }
        }
        if let finish = finish(at: now) { entries.append(finish) }
        return entries
    }

    /// Ends the exam (the student is done, or the time is up): the finish entry, nil if there is nothing to end.
    public mutating func finish(at now: Int64) -> ExamLogEntry? {
        guard !isFinished, hasBegun else { return nil }
        isFinished = true
        return ExamLogEntry(kind: .finish, student: blueprint.studentID, time: now)
    }

    /// Takes back what `entries` recorded: they could not be written, and the sitting must say what the log
    /// says. Returns the typed fields of an answer taken back, so that they can be put back where they were typed.
    @discardableResult
    public mutating func takeBack(_ entries: [ExamLogEntry]) -> [QuizField: String]? {
        var typed: [QuizField: String]?
        for entry in entries {
            switch entry.kind {
            case .start: startTime = nil
            case .finish: isFinished = false
            case .resume: break
            case .answer:
                if let answer = entry.answer {
                    answers[answer.question] = nil
                    typed = answer.typed
                }
            }
        }
        return typed
    }
}

/// A record for the exam log, before the log gives it its place and chains it (`ExamLogRecord`): what the
/// sitting asks to be written.
public struct ExamLogEntry: Hashable, Sendable {
    public var kind: ExamLogRecord.Kind
    public var student: String
    /// Milliseconds since 1970.
    public var time: Int64
    public var start: ExamLogRecord.Start?
    public var answer: ExamLogRecord.Answer?

    public init(
        kind: ExamLogRecord.Kind, student: String, time: Int64, start: ExamLogRecord.Start? = nil,
        answer: ExamLogRecord.Answer? = nil
    ) {
        self.kind = kind
        self.student = student
        self.time = time
        self.start = start
        self.answer = answer
    }
}
