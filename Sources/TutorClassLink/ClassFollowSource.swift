import ClassLink
import TutorSession

/// Follow mode's messages from the class server, for the tutor's run loop: read from the link without waiting
/// (the loop waits on `link.descriptor` together with the keyboard, and reads when it turns readable), and
/// turned into the sessions' messages. A follower gets the instructor's
/// steps (`Message.classStep`); the instructor gets the class (`Message.classroom`: how many follow, each
/// answer). When the class ends, or the server is gone, `ending` says why and the session is asked to leave as
/// Ctrl-C leaves it (progress saved first), so the student's terminal never waits on a class that is over.
public final class ClassFollowSource {
    public let link: ClassLinkConnection
    /// The lesson the class follows: steps of another lesson are not this screen's.
    public let lessonID: String
    /// Why the class ended for this tutor, once it has; the command prints it when the screen is closed.
    public private(set) var ending: String?
    /// Answers from the server that could not be read, dropped (with the last reason) rather than counted.
    public private(set) var unreadableAnswers = 0

    public init(link: ClassLinkConnection, lessonID: String) {
        self.link = link
        self.lessonID = lessonID
    }

    /// Whether messages may still come.
    public var isOpen: Bool { ending == nil }

    /// Whether messages were already read from the link (while a request waited for its reply): they are to
    /// be taken without waiting on the descriptor, which has nothing more to show for them.
    public var hasBufferedMessages: Bool { ending == nil && link.hasBufferedMessages }

    /// The messages that arrived, without waiting.
    public func poll() -> [Message] {
        guard ending == nil else { return [] }
        var messages: [Message] = []
        do {
            while let message = try link.receive(timeoutMilliseconds: 0) {
                if let translated = translate(message) { messages.append(translated) }
                if ending != nil { break }
            }
        } catch {
            end("\(error)")
        }
        if ending != nil { messages.append(.key(.interrupt)) }
        return messages
    }

    /// Waits at most `timeoutMilliseconds` for the server's first step, which names the lesson the class
    /// follows and where it is (a student who joins late lands on the current step). Other messages before it
    /// are not a follower's and are skipped.
    public static func firstStep(
        on link: ClassLinkConnection, timeoutMilliseconds: Int
    ) throws(ClassLinkError) -> (lessonID: String, step: ClassStep) {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            guard milliseconds > 0, let message = try link.receive(timeoutMilliseconds: milliseconds) else {
                throw .timedOut(peer: link.peer, milliseconds: timeoutMilliseconds)
            }
            switch message {
            case .followStep(let lessonID, let position, let revealed):
                return (lessonID, ClassStep(position: Int(position), revealed: revealed))
            case .classEnding(let reason), .bye(let reason):
                throw .gone(peer: link.peer, reason: reason)
            default:
                continue
            }
        }
    }

    private func translate(_ message: ClassMessage) -> Message? {
        switch message {
        case .followStep(let stepLesson, let position, let revealed):
            guard stepLesson == lessonID else { return nil }
            return .classStep(ClassStep(position: Int(position), revealed: revealed))
        case .classroom(let students):
            return .classroom(.students(Int(students)))
        case .studentAnswer(let student, let position, let fields):
            guard let answer = try? QuizAnswer(fieldTexts: fields) else {
                unreadableAnswers += 1
                return nil
            }
            return .classroom(.answer(student: student, position: Int(position), answer))
        case .classEnding(let reason):
            end("the class is ending: \(reason)")
            return nil
        case .bye(let reason):
            end("the class server said goodbye: \(reason)")
            return nil
        default:
            // Replies to requests are taken by the request that waits for them.
            return nil
        }
    }

    private func end(_ reason: String) {
        if ending == nil { ending = reason }
    }
}
