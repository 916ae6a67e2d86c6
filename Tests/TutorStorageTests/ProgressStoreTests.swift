import Foundation
import Testing
import TutorStorage

@testable import TutorSession

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
