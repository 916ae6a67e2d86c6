import LessonKit

/// A class following the presenter from their own terminals: how many follow, and what each student answered at
/// each quiz point. The presenter keeps it, so the tally it shows is of the question it is on.
public struct Classroom: Hashable, Sendable {
    /// Students following now.
    public private(set) var students: Int
    /// Each student's answer, by the stop (`LessonPlayer.position`) of the question, then by student id: a second
    /// answer from the same student replaces the first, as a student may change their mind until the reveal.
    public private(set) var answers: [Int: [String: QuizAnswer]] = [:]

    public init(students: Int = 0) {
        self.students = students
    }

    /// The answers given at the question on stop `position`, in student order (so a tally never depends on the
    /// order answers arrived in).
    public func answers(at position: Int) -> [QuizAnswer] {
        (answers[position] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
    }

    mutating func apply(_ event: ClassroomEvent) {
        switch event {
        case .students(let count):
            students = max(count, 0)
        case .answer(let student, let position, let answer):
            answers[position, default: [:]][student] = answer
        }
    }
}

/// What the class link reports to the presenter.
public enum ClassroomEvent: Hashable, Sendable {
    /// This many students follow now (one joined or left).
    case students(Int)
    /// A student answered the question on stop `position`.
    case answer(student: String, position: Int, QuizAnswer)
}

/// Where the presenter rests, for every follower's screen to show the same: a stop of the lesson
/// (`LessonPlayer.position`) and whether its question's answer is revealed.
public struct ClassStep: Hashable, Sendable {
    public var position: Int
    public var revealed: Bool

    public init(position: Int, revealed: Bool) {
        self.position = position
        self.revealed = revealed
    }
}
