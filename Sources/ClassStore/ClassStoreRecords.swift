import ClassLink

/// A student the server has seen.
public struct StudentRecord: Hashable, Sendable {
    public var id: String
    public var firstSeen: Int64
    public var lastSeen: Int64
}

/// One student's progress book as the store keeps it: what `class progress` reads after a class.
public struct ProgressBookRecord: Hashable, Sendable {
    public var student: String
    /// The bytes TutorStorage's `ProgressBookFormat` writes.
    public var book: [UInt8]
    public var savedAt: Int64

    public init(student: String, book: [UInt8], savedAt: Int64) {
        self.student = student
        self.book = book
        self.savedAt = savedAt
    }
}

/// One line of the event log: appended, never changed.
public struct ClassEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case login, exit
        case examStarted = "exam-started"
        case examResumed = "exam-resumed"
        case answer
        case answerRefused = "answer-refused"
        case examFinished = "exam-finished"
    }

    /// Increasing with each event: the order things happened in.
    public var id: Int64
    public var time: Int64
    /// The student, when the event is one student's.
    public var student: String?
    public var kind: Kind
    /// What else the instructor needs to read it ("question 3", "connection closed", the refusal's reason).
    public var detail: String
}

/// What beginning an exam needs: who, which settings, the fingerprint of the exam derived for them, and the
/// server's clock.
public struct SittingRequest: Hashable, Sendable {
    public var student: String
    /// The exam settings as the server was started with them (`LESSONS:QUESTIONS:MINUTES`).
    public var settings: String
    /// The derived exam's fingerprint, so that grading can tell the exam was not another one.
    public var fingerprint: String
    public var startedAt: Int64
    public var deadline: Int64

    public init(student: String, settings: String, fingerprint: String, startedAt: Int64, deadline: Int64) {
        self.student = student
        self.settings = settings
        self.fingerprint = fingerprint
        self.startedAt = startedAt
        self.deadline = deadline
    }
}

/// An exam sitting.
public struct ExamSittingRecord: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// Begun and not finished (the deadline may have passed: the clock does not write to the store).
        case open
        /// The student finished, or the time ran out while they were there.
        case finished
    }

    public var id: Int64
    public var student: String
    public var settings: String
    public var fingerprint: String
    public var startedAt: Int64
    public var deadline: Int64
    public var status: Status
    public var finishedAt: Int64?
    /// Whether the clock finished it (time up) rather than the student.
    public var finishedByClock: Bool

    /// Milliseconds left at `now`, never below zero.
    public func remaining(at now: Int64) -> Int64 { status == .finished ? 0 : max(0, deadline - now) }
}

/// An answer the store committed: as the tutor sent it, stamped with the server's clock.
public struct StoredAnswer: Hashable, Sendable {
    public var answer: ExamAnswer
    /// The server's clock when it was committed.
    public var committedAt: Int64
    /// 0 for the sitting's first committed answer, then 1, 2, ...: the order they were committed in.
    public var position: Int
}

/// A sitting and the answers kept, in the order they were committed.
public struct ExamSittingState: Hashable, Sendable {
    public var sitting: ExamSittingRecord
    public var answers: [StoredAnswer]
}

/// What beginning an exam did.
public enum SittingBegin: Hashable, Sendable {
    /// A new sitting, its clock started now.
    case started(ExamSittingRecord)
    /// The sitting begun earlier with the same settings, and its answers ("Exam resumed: N answers kept").
    case resumed(ExamSittingState)
}

/// Why an answer was not committed, in words the student can be shown.
public enum AnswerRefusal: Hashable, Sendable, CustomStringConvertible {
    case alreadyAnswered(question: Int)
    case sittingFinished
    case pastDeadline
    case noSuchSitting(Int64)
    case badQuestion(Int)

    public var description: String {
        switch self {
        case .alreadyAnswered(let question): "question \(question) is answered already; the first answer stands"
        case .sittingFinished: "the exam is finished; no more answers are taken"
        case .pastDeadline: "the time is up; the answer came after the deadline"
        case .noSuchSitting(let id): "there is no exam sitting \(id)"
        case .badQuestion(let question): "there is no question \(question)"
        }
    }
}

/// What committing an answer did.
public enum AnswerOutcome: Hashable, Sendable {
    case committed(StoredAnswer)
    case refused(AnswerRefusal)
}

/// A sitting as the instructor's screen lists it.
public struct SittingSummary: Hashable, Sendable {
    public var sitting: ExamSittingRecord
    public var answered: Int
    /// When the latest answer was committed.
    public var lastAnswerAt: Int64?
}
