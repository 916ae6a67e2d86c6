import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sessions connected now, shared by every connection: the `--max-sessions` limit, the list the
/// instructor sees, and the class's end (SIGTERM), when every session is asked to save and go.
///
/// The instructor's sessions (a key from `--instructor-key`) have seats too, so that the class's end reaches
/// them, but they are outside the limit: a full class never locks the instructor out of it.
public final class ClassRoom: Sendable {
    /// One session: who, from where, since when, and how to end it gently.
    struct Seat: Sendable {
        let number: Int
        let student: StudentID
        /// The instructor's session: not counted against `--max-sessions`, not listed among the students.
        let instructor: Bool
        let peer: String
        let since: String
        /// Asks the session (on its own event loop) to end its tutor, which saves, and to tell the student.
        let endClass: @Sendable () -> Void
        /// The tutor's process, stopped at once if it outlives the time given to save.
        let pid: pid_t
    }

    /// Why a seat cannot be had.
    enum Refusal: Error {
        case full(Int)
        case ending
    }

    private struct State {
        var seats: [Int: Seat] = [:]
        var nextNumber = 1
        var ending = false
    }

    public let maxSessions: Int?
    private let state = NIOLockedValueBox(State())

    public init(maxSessions: Int?) {
        self.maxSessions = maxSessions
    }

    /// Takes a seat for `student`, unless the class is ending or (for a student) full. The instructor always
    /// gets one: their seats are not counted against the limit.
    func take(
        student: StudentID, peer: String, instructor: Bool = false, endClass: @escaping @Sendable () -> Void
    ) -> Result<Int, Refusal> {
        state.withLockedValue { state in
            if state.ending { return .failure(.ending) }
            if !instructor, let maxSessions, state.seats.values.count(where: { !$0.instructor }) >= maxSessions {
                return .failure(.full(maxSessions))
            }
            let number = state.nextNumber
            state.nextNumber += 1
            state.seats[number] = Seat(
                number: number, student: student, instructor: instructor, peer: peer,
                since: ClassLogLine.timestamp(), endClass: endClass, pid: 0)
            return .success(number)
        }
    }

    /// Records the tutor's process of a seat, once it runs.
    func seated(_ number: Int, pid: pid_t) {
        state.withLockedValue { state in
            guard let seat = state.seats[number] else { return }
            state.seats[number] = Seat(
                number: seat.number, student: seat.student, instructor: seat.instructor, peer: seat.peer,
                since: seat.since, endClass: seat.endClass, pid: pid)
        }
    }

    /// Gives a seat back (the session ended).
    func leave(_ number: Int) {
        _ = state.withLockedValue { $0.seats.removeValue(forKey: number) }
    }

    /// The seats taken now, oldest first.
    var seats: [Seat] {
        state.withLockedValue { $0.seats.values.sorted { $0.number < $1.number } }
    }

    /// The students' seats taken now (the instructor's left out), oldest first: what the limit counts and the
    /// instructor's screen lists.
    var students: [Seat] { seats.filter { !$0.instructor } }

    var isEnding: Bool { state.withLockedValue { $0.ending } }

    /// Ends the class: no new seat, every session asked to end; waits up to `limit` for them to go, then stops
    /// the tutors still running (SIGKILL) and waits a moment more for their sessions to close. Blocking: call it
    /// off the event loops.
    func endClass(within limit: Duration) {
        let seats = state.withLockedValue { state in
            state.ending = true
            return Array(state.seats.values)
        }
        for seat in seats { seat.endClass() }
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while !state.withLockedValue({ $0.seats.isEmpty }) && clock.now < deadline {
            usleep(50_000)
        }
        for seat in self.seats where seat.pid > 0 { kill(seat.pid, SIGKILL) }
        let grace = clock.now + .seconds(2)
        while !state.withLockedValue({ $0.seats.isEmpty }) && clock.now < grace {
            usleep(50_000)
        }
    }
}
