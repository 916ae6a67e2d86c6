import LessonKit
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The quiz panel and the feedback at 80x24, in English and Chinese.
@Suite struct QuizSnapshotTests {
    /// The handshake on its quiz point, then `keys`.
    static func session(_ language: Language, _ keys: [Key]) -> TutorSession {
        HandshakeQuestion.session(keys, language: language)
    }

    static func keys(_ text: String) -> [Key] { HandshakeQuestion.keys(text) }

    @Test(arguments: Language.allCases)
    func panelWhileTyping(language: Language) throws {
        let session = Self.session(language, Self.keys("B\tSA\t1739326486+"))
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "quiz-panel-\(language)")
    }

    @Test(arguments: Language.allCases)
    func parseErrorWithHint(language: Language) throws {
        // Esc leaves the fields, `h` takes the hint, Tab goes back to typing.
        let hint: [Key] = [.escape, .character("h"), .character("\t")]
        let session = Self.session(language, hint + Self.keys("B\tS.\t17393x\t1\n"))
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "quiz-error-\(language)")
    }

    @Test(arguments: Language.allCases)
    func wrongAnswerFeedback(language: Language) throws {
        let session = Self.session(language, Self.keys("B\tS.\t1739326487\t3626544836\n"))
        try expectSnapshot(
            ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "quiz-feedback-\(language)")
    }

    @Test func rightAnswerFeedback() throws {
        let session = Self.session(.en, Self.keys("B\tS.\t1739326486\t3626544836+1\n"))
        try expectSnapshot(ScreenRenderer.render(session, size: Size(width: 80, height: 24)), named: "quiz-right-en")
    }
}
