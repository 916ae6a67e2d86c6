import Foundation
import LessonKit
import TCPCore
import Testing

@testable import TutorSession

/// The menu, the progress it records and shows, and the progress file on disk.
@Suite struct SessionMenuAndProgressTests {
    static let entries = [
        LessonEntry(fileName: "01.lesson", content: .success(BuiltInLessons.handshake)),
        LessonEntry(fileName: "02.lesson", content: .failure(LessonProblem(message: "02.lesson:3:1: bad"))),
        LessonEntry(fileName: "03.lesson", content: .success(BuiltInLessons.refused)),
    ]

    @Test func clickerKeysMoveTheSelectionAndBrokenLessonsDoNotOpen() {
        var session = TutorSession(lessons: Self.entries)
        #expect(session.update(.key(.pageUp)) == [])
        _ = session.update(.key(.pageDown))
        #expect(session.menuSelection == 1)
        #expect(session.update(.key(.enter)) == [])
        #expect(session.screen == .menu)
        _ = session.update(.key(.down))
        #expect(session.update(.key(.down)) == [])
        _ = session.update(.key(.space))
        #expect(session.player?.timeline.lessonID == "connection-refused")
    }

    @Test func theEndOfALessonGoesOnToTheNextThatOpensAndTheLastEndsThere() {
        var session = TutorSession(lessons: Self.entries, animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.end))
        #expect(session.hasNextLesson)
        let effects = session.update(.key(.pageDown))
        #expect(effects.contains(.saveProgress(session.progress)))
        #expect(
            session.player?.timeline.lessonID == "connection-refused", "the broken lesson in between is passed over")
        #expect(session.menuSelection == 2)
        #expect(session.progress["three-way-handshake"]?.completed == true)
        _ = session.update(.key(.end))
        #expect(!session.hasNextLesson)
        #expect(session.update(.key(.space)) == [], "the last lesson of the path")
        #expect(session.player?.timeline.lessonID == "connection-refused")

        var capture = TutorSession(lessons: Self.entries, animates: false)
        capture.quitsFromLesson = true
        _ = capture.update(.key(.enter))
        _ = capture.update(.key(.end))
        #expect(!capture.hasNextLesson, "a capture replayed on its own goes nowhere else")
    }

    @Test func progressFollowsTheStudentAndReopeningResumesThere() throws {
        var session = TutorSession(lessons: Self.entries, animates: false)
        _ = session.update(.key(.enter))
        for _ in 0..<3 { _ = session.update(.key(.right)) }
        let record = try #require(session.progress["three-way-handshake"])
        #expect(record.step == 3)
        #expect(record.stepCount == BuiltInLessons.handshake.frames.count)
        #expect(!record.completed)
        _ = session.update(.key(.character("q")))
        var resumed = TutorSession(lessons: Self.entries, progress: session.progress)
        _ = resumed.update(.key(.enter))
        #expect(resumed.player?.stop.frameIndex == 3)
        _ = resumed.update(.key(.end))
        #expect(resumed.progress["three-way-handshake"]?.completed == true)
        // Going back after finishing keeps the lesson done.
        _ = resumed.update(.key(.home))
        #expect(resumed.progress["three-way-handshake"]?.completed == true)
        #expect(resumed.progress["three-way-handshake"]?.step == 0)
    }

    @Test func aSavedStepBeyondAShortenedLessonOpensItsLastStep() {
        var progress = ProgressBook()
        progress.record(lessonID: "connection-refused", step: 40, stepCount: 50)
        var session = TutorSession(lessons: [Self.entries[2]], progress: progress)
        _ = session.update(.key(.enter))
        #expect(session.player?.stop.frameIndex == BuiltInLessons.refused.frames.count - 1)
    }

    @Test func theBookRemembersTheLanguage() {
        var progress = ProgressBook()
        progress.language = .zh
        #expect(TutorSession(lessons: Self.entries, progress: progress).language == .zh)
        #expect(TutorSession(lessons: Self.entries, progress: progress, language: .en).language == .en)
    }
}
