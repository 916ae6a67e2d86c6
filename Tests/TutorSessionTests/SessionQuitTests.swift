import LessonKit
import Testing

@testable import TutorSession

@Suite("Leaving a lesson")
struct SessionQuitTests {
    @Test("q goes back to the menu, or quits when the session was opened on one capture or lesson")
    func quitFromLesson() {
        let entry = LessonEntry(fileName: "handshake", content: .success(SampleLessons.handshake))
        var session = TutorSession(lessons: [entry], animates: false)
        _ = session.update(.key(.enter))
        #expect(session.player != nil)
        #expect(session.update(.key(.character("q"))) == [.saveProgress])
        #expect(session.player == nil)
        session.quitsFromLesson = true
        _ = session.update(.key(.enter))
        #expect(session.update(.key(.character("q"))) == [.saveProgress, .quit])
    }
}
