/// What the instructor sets for an exam: which lessons, how many questions, how long.
public struct ExamParameters: Hashable, Sendable, Codable {
    /// Lesson ids, in the order the questions follow.
    public var lessons: [String]
    public var questionCount: Int
    public var minutes: Int

    public init(lessons: [String], questionCount: Int, minutes: Int) {
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
        guard (1...600).contains(minutes) else {
            throw ExamError.badParameters("the time must be between 1 and 600 minutes")
        }
    }

    /// The exam's length in milliseconds.
    public var milliseconds: Int64 { Int64(minutes) * 60_000 }
}

/// A quiz point of a lesson: the `quiz` directive on a line of the lesson file.
public struct QuizPointRef: Hashable, Sendable, Codable {
    public var lessonID: String
    public var line: Int

    public init(lessonID: String, line: Int) {
        self.lessonID = lessonID
        self.line = line
    }

    /// `three-way-handshake:14`, as the logs and reports name it.
    public var id: String { "\(lessonID):\(line)" }
}

/// Student ids name log files, so they are kept to letters, digits, `.`, `_` and `-`.
public enum StudentID {
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
