/// Why an exam cannot be set, taken, resumed or graded, in words for the command line.
public enum ExamError: Error, Hashable, Sendable, CustomStringConvertible {
    case badKey(String)
    case badStudentID(String)
    case badParameters(String)
    /// A lesson or quiz point the exam needs is missing.
    case lesson(String)
    /// The log cannot be read, written or trusted.
    case log(String)
    /// The log belongs to another exam (another student, other parameters).
    case mismatch(String)
    /// The exam time is over: no more answers are taken.
    case timeUp
    /// Every question has been answered.
    case finished
    /// The student has not begun: the clock has not started.
    case notBegun

    public var description: String {
        switch self {
        case .badKey(let text): "exam key: \(text)"
        case .badStudentID(let text): "student id: \(text)"
        case .badParameters(let text): "exam: \(text)"
        case .lesson(let text): "lesson: \(text)"
        case .log(let text): "exam log: \(text)"
        case .mismatch(let text): "exam log: \(text)"
        case .timeUp: "the exam time is over"
        case .finished: "every question has been answered"
        case .notBegun: "the exam has not begun"
        }
    }
}
