import Foundation
import LessonKit
import TCPCore
import Testing

@testable import TutorSession

/// The menu, the progress it records and shows, and the progress file on disk.
@Suite struct SessionMenuAndProgressTests {
    static let entries = [
        LessonEntry(fileName: "01.lesson", content: .success(SampleLessons.handshake)),
        LessonEntry(fileName: "02.lesson", content: .failure(LessonProblem(message: "02.lesson:3:1: bad"))),
        LessonEntry(fileName: "03.lesson", content: .success(SampleLessons.refused)),
    ]

    @Test func clickerKeysMoveTheSelectionAndBrokenLessonsDoNotOpen() {
        var session = TutorSession(lessons: Self.entries)
        #expect(session.update(.key(.pageUp)) == [.bell])
        _ = session.update(.key(.pageDown))
        #expect(session.menuSelection == 1)
        #expect(session.update(.key(.enter)) == [.bell])
        #expect(session.screen == .menu)
        _ = session.update(.key(.down))
        #expect(session.update(.key(.down)) == [.bell])
        _ = session.update(.key(.space))
        #expect(session.player?.timeline.lessonID == "connection-refused")
    }

    @Test func theEndOfALessonGoesOnToTheNextThatOpensAndTheLastEndsThere() {
        var session = TutorSession(lessons: Self.entries, animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.end))
        #expect(session.hasNextLesson)
        let effects = session.update(.key(.pageDown))
        #expect(effects.contains(.saveProgress))
        #expect(
            session.player?.timeline.lessonID == "connection-refused", "the broken lesson in between is passed over")
        #expect(session.menuSelection == 2)
        #expect(session.progress["three-way-handshake"]?.completed == true)
        _ = session.update(.key(.end))
        #expect(!session.hasNextLesson)
        #expect(session.update(.key(.space)) == [.bell], "the last lesson of the path")
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
        #expect(record.stepCount == SampleLessons.handshake.frames.count)
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
        #expect(session.player?.stop.frameIndex == SampleLessons.refused.frames.count - 1)
    }

    @Test func theBookRemembersTheLanguage() {
        var progress = ProgressBook()
        progress.language = .zh
        #expect(TutorSession(lessons: Self.entries, progress: progress).language == .zh)
        #expect(TutorSession(lessons: Self.entries, progress: progress, language: .en).language == .en)
    }
}

/// The progress file: where it lives, atomic saves, and what happens to a file that cannot be read.
@Suite struct ProgressStoreTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test func theFolderFollowsXDGStateHomeAndFallsBackToHome() {
        #expect(ProgressStore.directory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/tcptutor")
        #expect(
            ProgressStore.directory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path
                == "/h/.local/state/tcptutor")
        #expect(ProgressStore.directory(environment: ["HOME": "/h"]).path == "/h/.local/state/tcptutor")
    }

    @Test func savedProgressLoadsBackAndLeavesNoTemporaryFile() throws {
        let store = ProgressStore(environment: ["XDG_STATE_HOME": folder.path])
        #expect(try store.load() == .empty)
        var book = ProgressBook()
        book.record(lessonID: "three-way-handshake", step: 4, stepCount: 10)
        book["three-way-handshake"]?.score = QuizScore(points: 4, possible: 6, answered: 3, questions: 3)
        book.language = .zh
        try store.save(book)
        try store.save(book)
        #expect(try store.load() == .loaded(book))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tcptutor").path)
        #expect(files == ["progress.json"])
        #expect(try store.reset())
        #expect(try store.load() == .empty)
        #expect(try !store.reset())
    }

    @Test func anUnreadableFileIsKeptAsideWithItsContents() throws {
        let store = ProgressStore(environment: ["XDG_STATE_HOME": folder.path])
        try FileManager.default.createDirectory(
            at: store.fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data("{\"version\": 1, \"lessons\": {\"x\": {\"step\": \"three\"}}".utf8)
        try garbage.write(to: store.fileURL)
        guard case .unreadable(let keptAt, let reason) = try store.load() else {
            Issue.record("a corrupt file was not reported")
            return
        }
        #expect(!reason.isEmpty)
        #expect(FileManager.default.contents(atPath: keptAt) == garbage)
        #expect(!FileManager.default.fileExists(atPath: store.fileURL.path))
        #expect(try store.load() == .empty)
    }

    @Test func aFileFromALaterFormatIsKeptAsideToo() throws {
        let store = ProgressStore(environment: ["XDG_STATE_HOME": folder.path])
        var book = ProgressBook()
        book.version = 2
        try store.save(book)
        guard case .unreadable(_, let reason) = try store.load() else {
            Issue.record("a version 2 file was read as version 1")
            return
        }
        #expect(reason.contains("version 2"))
    }
}
