import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorStorage

@testable import TutorSession

/// A quiz whose progress cannot be written tells the student, as the tutor's menu does, and keeps the scores.
@Suite("Quiz: a progress save that fails")
struct QuizSaveFailureTests {
    /// A progress store whose folder cannot be made: a plain file stands where the folder should be.
    static func unwritableStore() throws -> ProgressStore {
        let folder = try TemporaryFolder.make("tcptutor-quiz-save")
        let blocker = folder.appendingPathComponent("state")
        try Data("not a folder".utf8).write(to: blocker)
        return ProgressStore(fileURL: blocker.appendingPathComponent("tcptutor/progress.json"))
    }

    /// Carries out the effects the way the runtime does: a failure goes back to the session as a message.
    static func carryOut(_ effects: [Effect], _ storage: StorageEffects, on session: inout QuizSession) {
        for effect in effects {
            if let failure = storage.perform(effect) { carryOut(session.update(failure), storage, on: &session) }
        }
    }

    @Test("the failed save is shown with its reason until the next question; the scores stay in memory")
    func failedSaveIsShown() throws {
        let storage = StorageEffects(progress: try Self.unwritableStore())
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: true)
        var session = QuizSession(items: items, language: .zh, animates: false)
        #expect(session.notice == nil)
        // Space skips the question: graded as no answer, and the score is to be saved.
        _ = session.update(.key(.escape))
        let effects = session.update(.key(.space))
        #expect(effects.contains { if case .saveProgress = $0 { true } else { false } })
        Self.carryOut(effects, storage, on: &session)
        let notice = try #require(session.notice)
        #expect(notice.en.hasPrefix("Progress could not be saved: cannot create "))
        #expect(notice.text(.zh).hasPrefix("进度无法保存："))
        #expect(session.progress["three-way-handshake"]?.score?.answered == 1, "the score is kept in memory")
        // The next question starts afresh: a later failure would say so again.
        _ = session.update(.key(.space))
        #expect(session.index == 1)
        #expect(session.notice == nil)
    }

    @Test("a save that succeeds leaves no notice")
    func successfulSaveIsSilent() throws {
        let folder = try TemporaryFolder.make("tcptutor-quiz-save")
        let storage = StorageEffects(progress: ProgressStore(fileURL: folder.appendingPathComponent("progress.json")))
        var session = QuizSession(
            items: QuizRunItem.items([BuiltInLessons.handshake], everySegment: true), language: .en, animates: false)
        _ = session.update(.key(.escape))
        Self.carryOut(session.update(.key(.space)), storage, on: &session)
        #expect(session.notice == nil)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("progress.json").path))
    }
}
