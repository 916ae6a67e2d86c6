import ClassLink
import TutorSession
import TutorStorage

/// The tutor's storage effects carried over the class link, in place of `StorageEffects`, when the class
/// server runs the tutor: nothing is written on the student's side. Each write is a request that waits for the
/// server's acknowledgement, so an answer is accepted on the student's screen only once the server's store
/// has committed it; a refusal, a timeout or a server that is gone comes back as `Message.failed`, and the
/// session keeps what was not stored and says why, as it does for a file that cannot be written.
public final class ClassLinkEffects {
    public let link: ClassLinkConnection
    /// How long a write waits for the server.
    public let timeoutMilliseconds: Int

    /// The lesson the instructor's session leads (`ClassMode.lead`): its steps go to the class under this id.
    public var leading: String?

    public init(link: ClassLinkConnection, timeoutMilliseconds: Int = 5_000, leading: String? = nil) {
        self.link = link
        self.timeoutMilliseconds = timeoutMilliseconds
        self.leading = leading
    }

    /// Performs `effect` if it writes something; the failure as a message, or nil. The runtime's `perform`.
    public func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .saveProgress(let book):
            do {
                let bytes = try ProgressBookFormat.encode(book)
                return failure(
                    of: effect,
                    try link.request(timeoutMilliseconds: timeoutMilliseconds) {
                        .saveProgress(request: $0, book: bytes)
                    })
            } catch {
                return .failed(effect, reason: "\(error)")
            }
        case .appendToExamLog(let entries):
            for (index, entry) in entries.enumerated() {
                let unwritten = Effect.appendToExamLog(Array(entries[index...]))
                guard let build = request(for: entry, in: entries) else { continue }
                do {
                    if let failed = failure(
                        of: unwritten, try link.request(timeoutMilliseconds: timeoutMilliseconds, build))
                    {
                        return failed
                    }
                } catch {
                    return .failed(unwritten, reason: "\(error)")
                }
            }
            return nil
        case .quit:
            try? link.send(.bye(reason: "the student left"))
            return nil
        case .writeLesson:
            // A student in a class writes no file on the server.
            return .failed(effect, reason: "a class session saves no files")
        case .showClassStep(let step):
            // Sent and not acknowledged: the next step replaces it, and a server that is gone says so here.
            guard let leading else { return .failed(effect, reason: "this session does not lead the class") }
            return send(
                .presenterStep(
                    lessonID: leading, position: UInt32(clamping: step.position), revealed: step.revealed),
                for: effect)
        case .sendClassAnswer(let position, let answer):
            return send(.classAnswer(position: UInt32(clamping: position), fields: answer.fieldTexts), for: effect)
        }
    }

    /// Sends an unnumbered follow-mode message; a link that is gone is the effect's failure.
    private func send(_ message: ClassMessage, for effect: Effect) -> Message? {
        do {
            try link.send(message)
            return nil
        } catch {
            return .failed(effect, reason: "\(error)")
        }
    }

    /// The request that stores `entry`; nil for an entry the server records by itself (a resume is the login
    /// it logs).
    private func request(for entry: ExamLogEntry, in entries: [ExamLogEntry]) -> ((UInt32) -> ClassMessage)? {
        switch entry.kind {
        case .start:
            guard let start = entry.start else { return nil }
            return { .beginExam(request: $0, settings: start.parameters.settingsText, fingerprint: start.fingerprint) }
        case .answer:
            guard let answer = entry.answer else { return nil }
            let sent = ExamAnswer(
                question: UInt32(clamping: answer.question), point: answer.point, fields: answer.fields,
                timeUp: answer.timeUp == true)
            return { .examAnswer(request: $0, sent) }
        case .finish:
            // The clock ended it when it also submitted an answer; the server checks against its own clock.
            let timeUp = entries.contains { $0.answer?.timeUp == true }
            return { .finishExam(request: $0, timeUp: timeUp) }
        case .resume:
            return nil
        }
    }

    /// Nil when `reply` acknowledges the request; otherwise the failure the session is told.
    private func failure(of effect: Effect, _ reply: ClassMessage) -> Message? {
        switch reply {
        case .saved, .committed, .examStarted, .examResumed: nil
        case .refused(_, let reason): .failed(effect, reason: reason)
        default: .failed(effect, reason: "the class server answered with something else")
        }
    }
}
