import ClassLink
import TutorSession

/// The server's side of one student's class link: each request the tutor sends, carried out on the store,
/// and the reply to send back. The reply goes out only once the store has committed, which is what lets the
/// tutor accept an answer on the student's screen.
public struct StudentLinkRequests: Sendable {
    /// The exam the server holds, as this student gets it: as the start record of an exam log names it, with the
    /// server's settings and the fingerprint of the exam the key gives this student (a tutor that derived another
    /// exam is refused).
    public typealias Exam = ExamLogRecord.Start

    public let store: any ClassStore
    public let student: String
    public let exam: Exam?
    /// The student's sitting, once begun or resumed.
    public private(set) var sittingID: Int64?

    public init(store: any ClassStore, student: String, exam: Exam?) {
        self.store = store
        self.student = student
        self.exam = exam
    }

    /// The student's exam when it is under way, for `hello`: the sitting with its answers ("Exam resumed: N
    /// answers kept"). Nil when there is no exam or it has not begun.
    public mutating func examAtLogin(now: Int64) throws(ClassStoreError) -> ExamResume? {
        guard let exam, let state = try store.sitting(student: student, settings: exam.parameters.settingsText) else {
            return nil
        }
        sittingID = state.sitting.id
        return Self.resume(state, now: now)
    }

    /// The reply to `message`, after the store has done what it asks; nil for a message that asks nothing.
    /// A store that fails is a refusal with its reason: the tutor keeps the answer and says so.
    public mutating func reply(to message: ClassMessage, now: Int64) -> ClassMessage? {
        guard let request = message.request, !message.isReply else { return nil }
        do {
            return try carryOut(message, request: request, now: now)
        } catch {
            return .refused(request: request, reason: "the class server could not store it: \(error)")
        }
    }

    private mutating func carryOut(
        _ message: ClassMessage, request: UInt32, now: Int64
    ) throws(ClassStoreError) -> ClassMessage {
        switch message {
        case .saveProgress(_, let book):
            try store.saveProgress(book, student: student, at: now)
            return .saved(request: request)
        case .beginExam(_, let settings, let fingerprint):
            guard let exam else { return .refused(request: request, reason: "this class has no exam") }
            guard settings == exam.parameters.settingsText, fingerprint == exam.fingerprint else {
                return .refused(
                    request: request,
                    reason:
                        "this class's exam is \(exam.parameters.settingsText); an exam with other settings cannot be "
                        + "started")
            }
            let begin = try store.beginSitting(
                SittingRequest(
                    student: student, settings: settings, fingerprint: fingerprint, startedAt: now,
                    deadline: now + exam.parameters.milliseconds))
            switch begin {
            case .started(let sitting):
                sittingID = sitting.id
                return .examStarted(
                    request: request,
                    ExamClock(
                        settings: settings, startedAt: sitting.startedAt, deadline: sitting.deadline, serverNow: now))
            case .resumed(let state):
                sittingID = state.sitting.id
                return .examResumed(request: request, Self.resume(state, now: now))
            }
        case .examAnswer(_, let answer):
            guard let sittingID else { return .refused(request: request, reason: "the exam has not begun") }
            switch try store.commitAnswer(answer, sitting: sittingID, at: now) {
            case .committed: return .committed(request: request)
            case .refused(let refusal): return .refused(request: request, reason: "\(refusal)")
            }
        case .finishExam(_, let timeUp):
            guard let sittingID else { return .refused(request: request, reason: "the exam has not begun") }
            try store.finishSitting(sittingID, at: now, timeUp: timeUp)
            return .committed(request: request)
        default:
            return .refused(request: request, reason: "the class server does not take this request")
        }
    }

    static func resume(_ state: ExamSittingState, now: Int64) -> ExamResume {
        let sitting = state.sitting
        return ExamResume(
            clock: ExamClock(
                settings: sitting.settings, startedAt: sitting.startedAt, deadline: sitting.deadline, serverNow: now),
            answers: state.answers.map(\.answer),
            finished: sitting.status == .finished)
    }
}
