import ClassLink

/// The class server's side of follow mode, as a value with no I/O: where the instructor rests, who follows, and
/// what each student answered. The server hands it every follow-mode message and every follower joining or
/// leaving, and sends the `Delivery`s it returns, each message to its recipients (one frame, encoded once, for a
/// step that goes to the whole class).
///
/// A follower who joins gets the current step at once, so a late joiner lands where the class is. An answer counts
/// only for the question the instructor has on screen and has not revealed: an answer sent after the reveal
/// could copy it. A student who answers twice replaces their answer (they may change their mind until the
/// reveal), so each student counts once, however many terminals they follow from.
public struct FollowRelay: Sendable {
    /// One connection following the instructor: the relay's number for the session (`newFollower`) and the
    /// student's id.
    public struct Follower: Hashable, Sendable {
        public let session: UInt64
        public let student: String
    }

    /// Who a message goes to.
    public enum Recipient: Hashable, Sendable {
        case instructor
        case follower(Follower)
    }

    /// A message and every connection it goes to.
    public struct Delivery: Hashable, Sendable {
        public var message: ClassMessage
        public var recipients: [Recipient]

        public init(_ message: ClassMessage, to recipients: [Recipient]) {
            self.message = message
            self.recipients = recipients
        }
    }

    /// Where the instructor rests: the lesson, the stop (`LessonPlayer.position`), whether its answer is shown.
    public struct Step: Hashable, Sendable {
        public var lessonID: String
        public var position: UInt32
        public var revealed: Bool

        var followStep: ClassMessage { .followStep(lessonID: lessonID, position: position, revealed: revealed) }
    }

    public private(set) var step: Step
    public private(set) var followers: Set<Follower> = []
    /// Sessions numbered so far: one student may follow from several terminals, each a follower of its own.
    private var sessions: UInt64 = 0
    /// Whether the instructor's session is connected.
    public private(set) var instructorConnected = false
    /// Every answer counted: by stop, then by student, the fields as sent.
    public private(set) var answers: [UInt32: [String: [String: String]]] = [:]

    /// A class on `lessonID`, at its first stop until the instructor moves: students who come early see the
    /// lesson's first step.
    public init(lessonID: String) {
        step = Step(lessonID: lessonID, position: 0, revealed: false)
    }

    /// Students following now, each counted once however many sessions they have.
    public var studentCount: Int { Set(followers.map(\.student)).count }

    /// The students who answered the question on stop `position`.
    public func answered(at position: UInt32) -> Int { answers[position]?.count ?? 0 }

    /// The instructor's session connected (or came back): it learns how many follow and every answer kept, so its
    /// tally is whole again.
    public mutating func instructorJoined() -> [Delivery] {
        instructorConnected = true
        var deliveries = [Delivery(.classroom(students: UInt32(clamping: studentCount)), to: [.instructor])]
        for position in answers.keys.sorted() {
            for (student, fields) in answers[position]!.sorted(by: { $0.key < $1.key }) {
                deliveries.append(
                    Delivery(.studentAnswer(student: student, position: position, fields: fields), to: [.instructor]))
            }
        }
        return deliveries
    }

    /// The instructor's session ended; the followers stay where they are.
    public mutating func instructorLeft() {
        instructorConnected = false
    }

    /// A new session for `student`, numbered apart from every other; it follows once it `join`s.
    public mutating func newFollower(student: String) -> Follower {
        sessions += 1
        return Follower(session: sessions, student: student)
    }

    /// A follower connected: the current step at once, and the new count to the instructor.
    public mutating func join(_ follower: Follower) -> [Delivery] {
        let before = studentCount
        followers.insert(follower)
        var deliveries = [Delivery(step.followStep, to: [.follower(follower)])]
        if studentCount != before { deliveries += countChanged() }
        return deliveries
    }

    /// A follower's session ended: the new count to the instructor. Their answers stay counted.
    public mutating func leave(_ follower: Follower) -> [Delivery] {
        let before = studentCount
        followers.remove(follower)
        return studentCount != before ? countChanged() : []
    }

    /// What to send on for a message from the instructor's session; [] for a message that is not follow mode's.
    public mutating func fromInstructor(_ message: ClassMessage) -> [Delivery] {
        guard case .presenterStep(let lessonID, let position, let revealed) = message else { return [] }
        let next = Step(lessonID: lessonID, position: position, revealed: revealed)
        guard next != step else { return [] }
        step = next
        guard !followers.isEmpty else { return [] }
        return [Delivery(step.followStep, to: followers.sorted(by: Self.order).map { .follower($0) })]
    }

    /// What to send on for a message from `follower`; [] for an answer that does not count (another question, or
    /// one already revealed) and for a message that is not follow mode's.
    public mutating func fromFollower(_ follower: Follower, _ message: ClassMessage) -> [Delivery] {
        guard case .classAnswer(let position, let fields) = message, followers.contains(follower),
            position == step.position, !step.revealed
        else { return [] }
        answers[position, default: [:]][follower.student] = fields
        guard instructorConnected else { return [] }
        return [
            Delivery(
                .studentAnswer(student: follower.student, position: position, fields: fields), to: [.instructor])
        ]
    }

    private func countChanged() -> [Delivery] {
        guard instructorConnected else { return [] }
        return [Delivery(.classroom(students: UInt32(clamping: studentCount)), to: [.instructor])]
    }

    private static func order(_ left: Follower, _ right: Follower) -> Bool {
        left.session < right.session
    }
}
