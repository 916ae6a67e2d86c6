import LessonKit
import Testing
import TutorSession

/// `l` in a quiz run is the student's choice of language, saved as in the tutor; the flag is not.
@Suite struct QuizLanguageTests {
    @Test func lInAQuizRunSavesTheLanguage() throws {
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: false)
        var session = QuizSession(items: items, language: .en, animates: false)
        #expect(session.progress.language == nil, "a language given to the run is not saved")
        _ = session.update(.key(.escape))
        let effects = session.update(.key(.character("l")))
        #expect(session.language == .zh)
        #expect(session.progress.language == .zh)
        #expect(effects.contains(.saveProgress(session.progress)))
    }
}
