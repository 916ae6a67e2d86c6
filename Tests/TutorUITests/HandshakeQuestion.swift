import LessonKit
import TimelineKit
import TutorSession

/// The built-in handshake opened on its quiz point (sender, flags, seq, ack), as the question screens' tests use it.
enum HandshakeQuestion {
    /// The session on the quiz point, after `keys`.
    static func session(_ keys: [Key], language: Language = .en) -> TutorSession {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))],
            language: language, animates: false)
        for key in [.enter, .right, .right, .right, .right] + keys { _ = session.update(.key(key)) }
        return session
    }

    /// Typed text as keys, a newline as Enter.
    static func keys(_ text: String) -> [Key] {
        text.map { $0 == "\n" ? Key.enter : Key.character($0) }
    }
}
