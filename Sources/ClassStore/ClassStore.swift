import ClassLink

/// What the class server keeps: students, each student's progress book, exam sittings with their answers, and
/// an append-only log of what happened. Times are milliseconds since 1970 on the server's clock.
///
/// A protocol, so that the rest of the server does not know which database holds the class: SQLite in the
/// server's folder (`SQLiteClassStore`) for one server; one PostgreSQL database shared by a department's
/// servers can be another implementation, with the same tables (ARCHITECTURE.md), and nothing else changes.
///
/// Every method that writes is one transaction: when it returns, what it wrote is on disk, and a server killed
/// at any moment keeps every write that returned.
public protocol ClassStore: Sendable {
    /// The schema version the store is at (the number of migrations applied).
    func schemaVersion() throws(ClassStoreError) -> Int

    // MARK: Students and the event log

    /// A student logged in: first seen (if new) and last seen, and a `login` event with `detail`.
    @discardableResult
    func recordLogin(student: String, at time: Int64, detail: String) throws(ClassStoreError) -> StudentRecord
    /// A student's session ended: last seen, and an `exit` event with `detail`.
    func recordExit(student: String, at time: Int64, detail: String) throws(ClassStoreError)
    /// Every student, by id.
    func students() throws(ClassStoreError) -> [StudentRecord]
    /// Events after `id` (0 for the first), oldest first, at most `limit`: the instructor reads the log in pages.
    func events(after id: Int64, limit: Int) throws(ClassStoreError) -> [ClassEvent]

    // MARK: Progress

    /// Keeps the student's progress book (the bytes TutorStorage's `ProgressBookFormat` writes), replacing the
    /// one before.
    func saveProgress(_ book: [UInt8], student: String, at time: Int64) throws(ClassStoreError)
    /// The student's progress book, or nil when none was saved.
    func progress(student: String) throws(ClassStoreError) -> [UInt8]?
    /// Every progress book kept, by student id: the class's progress, for the instructor after the class.
    func progressBooks() throws(ClassStoreError) -> [ProgressBookRecord]

    // MARK: Exams

    /// Begins the student's exam with these settings, or takes up the sitting already begun with them.
    func beginSitting(_ request: SittingRequest) throws(ClassStoreError) -> SittingBegin
    /// The student's sitting with these settings and the answers kept, or nil when there is none: what a login
    /// resumes ("Exam resumed: N answers kept").
    func sitting(student: String, settings: String) throws(ClassStoreError) -> ExamSittingState?
    /// Commits one answer, or refuses it: a question already answered, a finished sitting, an answer past the
    /// deadline. A refused answer changes nothing but the event log.
    func commitAnswer(_ answer: ExamAnswer, sitting: Int64, at time: Int64) throws(ClassStoreError)
        -> AnswerOutcome
    /// Marks the sitting finished (the student is done, or the time ran out); false if it was already.
    @discardableResult
    func finishSitting(_ sitting: Int64, at time: Int64, timeUp: Bool) throws(ClassStoreError) -> Bool
    /// Every sitting with how far it got, for the instructor's screen.
    func sittingSummaries() throws(ClassStoreError) -> [SittingSummary]
    /// The sittings of the exam with these settings (`LESSONS:QUESTIONS:MINUTES`) with how far each got: what
    /// the instructor's screen reads every second during the exam, so one query, however many students.
    func sittingSummaries(settings: String) throws(ClassStoreError) -> [SittingSummary]
    /// Every sitting with all its answers in the order they were committed: what `class grade` grades.
    func sittingsForGrading() throws(ClassStoreError) -> [ExamSittingState]

    // MARK: Follow classes

    /// Keeps a follower's answer to the question on stop `position` of `lesson`, as typed, before the class's
    /// count hears of it: the class's answers outlive the server. A student who answers again adds a row; the
    /// latest before the reveal is the one the class's tally counts.
    func recordFollowAnswer(
        student: String, lesson: String, position: UInt32, fields: [String: String], at time: Int64
    ) throws(ClassStoreError)
    /// Every answer kept for `lesson`, in the order they came.
    func followAnswers(lesson: String) throws(ClassStoreError) -> [FollowAnswerRecord]
}

/// A store problem, worded for the server's log and the instructor.
public struct ClassStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
