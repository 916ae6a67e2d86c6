import LessonKit
import Testing

@testable import TutorSession

@Suite("Leaving a lesson")
struct SessionQuitTests {
    @Test("q goes back to the menu, or quits when the session was opened on one capture or lesson")
    func quitFromLesson() {
        let entry = LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))
        var session = TutorSession(lessons: [entry], animates: false)
        _ = session.update(.key(.enter))
        #expect(session.player?.timeline.lessonID == entry.timeline?.lessonID && session.player?.isAtStart == true)
        #expect(session.update(.key(.character("q"))) == [.saveProgress(session.progress)])
        #expect(session.player == nil)
        session.quitsFromLesson = true
        _ = session.update(.key(.enter))
        // Questions are left: q shows the score so far first; any other key goes on, a second q quits.
        #expect(session.hasUnansweredQuestions)
        #expect(session.update(.key(.character("q"))) == [])
        #expect(session.dialog == .quitting)
        #expect(session.update(.key(.escape)) == [])
        #expect(session.dialog == nil && session.player?.timeline.lessonID == entry.timeline?.lessonID)
        _ = session.update(.key(.character("q")))
        #expect(session.update(.key(.character("q"))) == [.saveProgress(session.progress), .quit])
    }

    @Test("where q quits, a lesson without questions quits at once")
    func quitWithoutQuestions() {
        var timeline = BuiltInLessons.handshake
        for index in timeline.frames.indices { timeline.frames[index].quiz = nil }
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(timeline))], animates: false)
        session.quitsFromLesson = true
        _ = session.update(.key(.enter))
        #expect(!session.hasUnansweredQuestions)
        #expect(session.update(.key(.character("q"))) == [.saveProgress(session.progress), .quit])
    }
}
