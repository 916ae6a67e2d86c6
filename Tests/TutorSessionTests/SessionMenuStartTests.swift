import LessonKit
import Testing

@testable import TutorSession

/// Where the menu's cursor starts, the go-to dialog in the menu and in a lesson, and the language's saving.
@Suite struct SessionMenuStartTests {
    static let entries = SessionMenuAndProgressTests.entries

    @Test func theCursorStartsOnTheLessonInProgressElseTheNextNotDone() {
        var progress = ProgressBook()
        #expect(TutorSession(lessons: Self.entries, progress: progress).menuSelection == 0, "nothing started")
        progress.record(lessonID: "connection-refused", step: 1, stepCount: 4)
        #expect(TutorSession(lessons: Self.entries, progress: progress).menuSelection == 2, "the lesson in progress")
        progress.record(lessonID: "connection-refused", step: 3, stepCount: 4)
        #expect(
            TutorSession(lessons: Self.entries, progress: progress).menuSelection == 0,
            "the refused connection is done: the first not done")
        let steps = BuiltInLessons.handshake.frames.count
        progress.record(lessonID: "three-way-handshake", step: steps - 1, stepCount: steps)
        #expect(TutorSession(lessons: Self.entries, progress: progress).menuSelection == 0, "everything done")
    }

    @Test func theCursorFollowsTheLessonsAsTheyLoadUntilTheStudentMovesIt() {
        var progress = ProgressBook()
        progress.record(lessonID: "connection-refused", step: 1, stepCount: 4)
        let loading = Self.entries.map { LessonEntry.loading(fileName: $0.fileName, title: nil) }
        var session = TutorSession(lessons: loading, progress: progress)
        #expect(session.menuSelection == 0)
        for (index, entry) in Self.entries.enumerated() { session.replaceLesson(at: index, with: entry) }
        #expect(session.menuSelection == 2, "once every lesson is known")

        var moved = TutorSession(lessons: loading, progress: progress)
        _ = moved.update(.key(.down))
        for (index, entry) in Self.entries.enumerated() { moved.replaceLesson(at: index, with: entry) }
        #expect(moved.menuSelection == 1, "a cursor the student moved stays")
    }

    @Test func goingToALessonByNumberOpensItAndANumberOutOfRangeSaysTheRange() {
        var session = TutorSession(lessons: Self.entries, animates: false)
        for key in [Key.character("g"), .character("9"), .character("9")] { _ = session.update(.key(key)) }
        #expect(session.update(.key(.enter)) == [])
        #expect(session.refusedJump == "99")
        #expect(session.jumpRange == 1...3)
        #expect(session.dialog == .jump(digits: "99"))
        _ = session.update(.key(.backspace))
        #expect(session.refusedJump == nil, "the message goes with the next key")
        _ = session.update(.key(.backspace))
        _ = session.update(.key(.character("3")))
        _ = session.update(.key(.enter))
        #expect(session.player?.timeline.lessonID == "connection-refused")
        #expect(session.dialog == nil)
    }

    @Test func aStepOutOfRangeSaysTheRange() {
        var session = TutorSession(lessons: Self.entries, animates: false)
        _ = session.update(.key(.enter))
        for key in [Key.character("g"), .character("9"), .character("9")] { _ = session.update(.key(key)) }
        #expect(session.update(.key(.enter)) == [])
        #expect(session.refusedJump == "99")
        #expect(session.jumpRange == 1...BuiltInLessons.handshake.frames.count)
        _ = session.update(.key(.escape))
        #expect(session.refusedJump == nil && session.dialog == nil)
    }

    /// `q` closes the go-to dialog as in the presenter, and neither leaves the lesson nor quits.
    @Test func qClosesTheGoToDialogLikeThePresenters() {
        var session = TutorSession(lessons: Self.entries, animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.right))
        let step = session.player?.stepNumber
        for key in [Key.character("g"), .character("3")] { _ = session.update(.key(key)) }
        #expect(session.update(.key(.character("q"))) == [])
        #expect(session.dialog == nil)
        #expect(session.player?.stepNumber == step, "still in the lesson, where it was")

        var presenter = PresenterSession(timeline: BuiltInLessons.handshake)
        for key in [Key.character("g"), .character("3")] { _ = presenter.update(.key(key)) }
        #expect(presenter.update(.key(.character("q"))) == [])
        #expect(presenter.dialog == nil)
    }

    @Test func onlyTheLKeySavesALanguage() {
        var session = TutorSession(lessons: Self.entries, language: .zh)
        #expect(session.language == .zh)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.right))
        _ = session.update(.key(.character("q")))
        #expect(session.progress.language == nil, "a language given for one run is not saved")
        #expect(session.update(.key(.character("l"))) == [.saveProgress(session.progress)])
        #expect(session.language == .en && session.progress.language == .en)
    }
}
