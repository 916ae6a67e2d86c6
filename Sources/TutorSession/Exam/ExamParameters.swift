/// What the instructor sets for an exam: which lessons, how many questions, how long.
public struct ExamParameters: Hashable, Sendable, Codable {
    /// Lesson ids, in the order the questions follow.
    public var lessons: [String]
    public var questionCount: Int
    /// Time allowed; a fraction is allowed (0.5 is 30 seconds) so that a proctor can try an exam out quickly.
    public var minutes: Double

    public init(lessons: [String], questionCount: Int, minutes: Double) {
        self.lessons = lessons
        self.questionCount = questionCount
        self.minutes = minutes
    }

    public func validate() throws(ExamError) {
        guard !lessons.isEmpty else { throw ExamError.badParameters("name at least one lesson") }
        guard Set(lessons).count == lessons.count else { throw ExamError.badParameters("a lesson is named twice") }
        guard (1...200).contains(questionCount) else {
            throw ExamError.badParameters("the number of questions must be between 1 and 200")
        }
        guard minutes.isFinite, (Self.shortestMinutes...600).contains(minutes) else {
            throw ExamError.badParameters("the time must be between \(Self.shortestMinutes) and 600 minutes")
        }
    }

    /// The shortest exam: six seconds, enough to try the start screen and the time running out.
    public static let shortestMinutes = 0.1

    /// The exam's length in milliseconds.
    public var milliseconds: Int64 { Int64((minutes * 60_000).rounded()) }

    /// The minutes as the instructor typed them: `30` for a whole number, `0.5` otherwise.
    public var minutesText: String {
        minutes == minutes.rounded() && abs(minutes) < 1e9 ? String(Int(minutes)) : String(minutes)
    }

    /// How long after the deadline an answer the clock submitted (typed, not yet submitted when the time ran
    /// out) may be written: the screen checks the clock a few times a second, a busy machine may be slower.
    public static let timeUpGraceMilliseconds: Int64 = 5_000
}

/// A quiz point of a lesson: the `quiz` directive on a line of the lesson file.
public struct QuizPointRef: Hashable, Sendable, Codable {
    public var lessonID: String
    public var line: Int

    /// `three-way-handshake:14`, as the logs and reports name it.
    public var id: String { "\(lessonID):\(line)" }
}

/// Student ids name log files, so they are kept to letters, digits, `.`, `_` and `-`. Case does not matter:
/// `ALICE` and `alice` are one student, with one exam and one log (file systems differ on case, so the id is
/// folded to lower case wherever it is used).
public enum StudentID {
    /// The id as exams, logs and grades use it: lower case.
    public static func canonical(_ id: String) -> String { id.lowercased() }

    public static func validate(_ id: String) throws(ExamError) {
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "." || scalar == "_" || scalar == "-")
        }
        guard !id.isEmpty, id.count <= 64, allowed, !id.hasPrefix("."), !id.hasPrefix("-") else {
            throw ExamError.badStudentID(
                "'\(id)' is not usable: use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-'")
        }
    }
}
