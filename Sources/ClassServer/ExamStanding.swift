import ClassStore

/// One student's place in the class's exam, as the instructor's screen shows it: from the store (their sitting,
/// its answers and its deadline, so that it is true after a restart) and from the room (whether they are
/// connected now). Every student who is connected or has begun is listed, the ones who left included.
struct ExamStanding: Hashable, Sendable {
    enum State: Int, Hashable, Sendable, Comparable {
        // In the order the list shows them: who may need the instructor first.
        /// Began, went away before the end, and the clock still runs: a dropped connection, a closed laptop.
        case left
        /// Connected, at the start screen: the clock waits for them to press Enter.
        case notBegun
        /// Connected and answering.
        case answering
        /// The time ran out before every question was answered.
        case timeUp
        /// Every question answered.
        case finished

        static func < (lhs: State, rhs: State) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The student's id, as the store keeps it (case-folded).
    let student: String
    let state: State
    /// Answers committed to the store, of `questions`.
    let answered: Int, questions: Int
    /// Milliseconds left on the server's clock; nil before the exam begins.
    let remaining: Int64?
    /// The student's sessions connected now (a second login with the same id is a second session).
    let sessions: Int
    /// When the latest answer was committed.
    let lastAnswerAt: Int64?

    var connected: Bool { sessions > 0 }

    /// The class's exam at `now` (milliseconds since 1970, the server's clock), the students who may need the
    /// instructor first: those who left mid-exam, those still at the start screen, those answering (the least
    /// time left first), then those done.
    static func roll(
        summaries: [SittingSummary], connected: [String], questions: Int, now: Int64
    ) -> [ExamStanding] {
        var sessions: [String: Int] = [:]
        for student in connected { sessions[student, default: 0] += 1 }
        var standings: [ExamStanding] = []
        var listed = Set<String>()
        for summary in summaries {
            let student = summary.sitting.student
            listed.insert(student)
            standings.append(
                ExamStanding(
                    student: student,
                    state: state(of: summary, connected: sessions[student] != nil, questions: questions, now: now),
                    answered: summary.answered, questions: questions, remaining: summary.sitting.remaining(at: now),
                    sessions: sessions[student] ?? 0, lastAnswerAt: summary.lastAnswerAt))
        }
        for (student, count) in sessions where !listed.contains(student) {
            standings.append(
                ExamStanding(
                    student: student, state: .notBegun, answered: 0, questions: questions, remaining: nil,
                    sessions: count, lastAnswerAt: nil))
        }
        return standings.sorted { first, second in
            if first.state != second.state { return first.state < second.state }
            if first.state == .answering, first.remaining != second.remaining {
                return (first.remaining ?? 0) < (second.remaining ?? 0)
            }
            return first.student < second.student
        }
    }

    /// A sitting's state: the store says whether it finished and how; an open sitting whose deadline has passed
    /// is over too (the clock does not write to the store).
    private static func state(of summary: SittingSummary, connected: Bool, questions: Int, now: Int64) -> State {
        let sitting = summary.sitting
        switch sitting.status {
        case .finished:
            return sitting.finishedByClock || summary.answered < questions ? .timeUp : .finished
        case .open:
            if summary.answered >= questions { return .finished }
            if sitting.remaining(at: now) == 0 { return .timeUp }
            return connected ? .answering : .left
        }
    }
}

/// How many students are in each state, for the line above the list.
struct ExamCounts: Hashable, Sendable {
    var students = 0
    var connected = 0
    var byState: [ExamStanding.State: Int] = [:]

    init(_ standings: [ExamStanding]) {
        students = standings.count
        connected = standings.count(where: \.connected)
        for standing in standings { byState[standing.state, default: 0] += 1 }
    }

    func count(_ state: ExamStanding.State) -> Int { byState[state] ?? 0 }
}
