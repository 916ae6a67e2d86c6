import Foundation
import Testing
import TutorSession
import TutorStorage

@testable import ClassStore

@Suite("Class store: what is written is read back")
struct StoreRoundTripTests {
    @Test("the store is one SQLite file in WAL mode at the current schema version")
    func walAndVersion() throws {
        let (store, folder) = try StoreFixtures.store()
        #expect(try store.journalMode() == "wal")
        #expect(try store.schemaVersion() == 3)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("class.sqlite").path))
    }

    @Test("logins and exits: first and last seen, and the event log in order")
    func studentsAndEvents() throws {
        let (store, _) = try StoreFixtures.store()
        let first = try store.recordLogin(student: "ada", at: 1_000, detail: "ssh from 127.0.0.1")
        #expect(first == StudentRecord(id: "ada", firstSeen: 1_000, lastSeen: 1_000))
        try store.recordLogin(student: "bob", at: 1_500, detail: "ssh from 127.0.0.1")
        try store.recordExit(student: "ada", at: 2_000, detail: "connection closed")
        let again = try store.recordLogin(student: "ada", at: 3_000, detail: "ssh from 127.0.0.2")
        #expect(again == StudentRecord(id: "ada", firstSeen: 1_000, lastSeen: 3_000))
        #expect(try store.students().map(\.id) == ["ada", "bob"])
        let events = try store.events(after: 0, limit: 100)
        #expect(events.map(\.kind) == [.login, .login, .exit, .login])
        #expect(events.map(\.student) == ["ada", "bob", "ada", "ada"])
        #expect(events.map(\.detail).last == "ssh from 127.0.0.2")
        #expect(events.map(\.id) == events.map(\.id).sorted())
        // The instructor reads the log in pages.
        let page = try store.events(after: events[1].id, limit: 1)
        #expect(page == [events[2]])
    }

    @Test("a progress book is kept as the bytes ProgressStore writes, and replaced by the next save")
    func progressBook() throws {
        let (store, _) = try StoreFixtures.store()
        #expect(try store.progress(student: "ada") == nil)
        var book = ProgressBook()
        book.languageCode = "zh"
        book.lessons["three-way-handshake"] = LessonProgress(step: 4, stepCount: 12)
        let bytes = try ProgressBookFormat.encode(book)
        try store.saveProgress(bytes, student: "ada", at: 1_000)
        #expect(try store.progress(student: "ada") == bytes)
        #expect(try ProgressBookFormat.decode(store.progress(student: "ada")!).get() == book)
        book.lessons["three-way-handshake"]?.completed = true
        let later = try ProgressBookFormat.encode(book)
        try store.saveProgress(later, student: "ada", at: 2_000)
        #expect(try store.progress(student: "ada") == later)
        #expect(try store.students() == [StudentRecord(id: "ada", firstSeen: 1_000, lastSeen: 2_000)])
    }

    @Test("every book kept is listed by student id, each with its latest save, for the class's progress")
    func progressBooksOfTheClass() throws {
        let (store, _) = try StoreFixtures.store()
        #expect(try store.progressBooks().isEmpty)
        try store.recordLogin(student: "carol", at: 500, detail: "no save yet")
        let bob = try ProgressBookFormat.encode(ProgressBook())
        var book = ProgressBook()
        book.lessons["three-way-handshake"] = LessonProgress(step: 2, stepCount: 9)
        let ada = try ProgressBookFormat.encode(book)
        try store.saveProgress(bob, student: "bob", at: 1_000)
        try store.saveProgress(bob, student: "ada", at: 1_500)
        try store.saveProgress(ada, student: "ada", at: 2_000)
        #expect(
            try store.progressBooks() == [
                ProgressBookRecord(student: "ada", book: ada, savedAt: 2_000),
                ProgressBookRecord(student: "bob", book: bob, savedAt: 1_000),
            ])
    }

    @Test("an exam: begun, answered, resumed with its answers in commit order, listed, finished")
    func examSitting() throws {
        let (store, _) = try StoreFixtures.store()
        let begin = try store.beginSitting(StoreFixtures.request("ada"))
        guard case .started(let sitting) = begin else {
            Issue.record("a new exam should start: \(begin)")
            return
        }
        #expect(sitting.status == .open && sitting.startedAt == StoreFixtures.start)
        #expect(sitting.deadline == StoreFixtures.deadline && sitting.fingerprint == "fp-ada")
        // Questions need not come in number order; the commit order is kept.
        for (offset, question) in [2, 1, 3].enumerated() {
            let outcome = try store.commitAnswer(
                StoreFixtures.answer(question, seq: "\(question)00"), sitting: sitting.id,
                at: StoreFixtures.start + Int64(offset + 1) * 1_000)
            guard case .committed(let stored) = outcome else {
                Issue.record("answer \(question) refused: \(outcome)")
                return
            }
            #expect(stored.position == offset)
        }
        // A login later (another settings string is another exam) finds the sitting and its answers.
        #expect(try store.sitting(student: "ada", settings: "other:1:5") == nil)
        let kept = try #require(try store.sitting(student: "ada", settings: StoreFixtures.settings))
        #expect(kept.answers.map(\.answer.question) == [2, 1, 3])
        #expect(kept.answers.map(\.position) == [0, 1, 2])
        #expect(kept.answers[0].answer.fields == ["flags": "S", "seq": "200"])
        #expect(kept.answers[0].committedAt == StoreFixtures.start + 1_000)
        let resumed = try store.beginSitting(StoreFixtures.request("ada", at: StoreFixtures.start + 60_000))
        #expect(resumed == .resumed(kept), "a second begin resumes, with the first start time and deadline")

        _ = try store.beginSitting(StoreFixtures.request("bob"))
        let summaries = try store.sittingSummaries()
        #expect(summaries.map(\.sitting.student) == ["ada", "bob"])
        #expect(summaries.map(\.answered) == [3, 0])
        #expect(summaries.map(\.lastAnswerAt) == [StoreFixtures.start + 3_000, nil])
        #expect(summaries[0].sitting.remaining(at: StoreFixtures.start + 60_000) == 29 * 60_000)

        #expect(try store.finishSitting(sitting.id, at: StoreFixtures.start + 4_000, timeUp: false))
        #expect(try store.finishSitting(sitting.id, at: StoreFixtures.start + 5_000, timeUp: true) == false)
        let graded = try store.sittingsForGrading()
        #expect(graded.map(\.sitting.student) == ["ada", "bob"])
        #expect(graded[0].sitting.status == .finished && graded[0].sitting.finishedAt == StoreFixtures.start + 4_000)
        #expect(graded[0].sitting.finishedByClock == false)
        #expect(graded[0].answers == kept.answers)
        let kinds = try store.events(after: 0, limit: 100).map(\.kind)
        #expect(kinds == [.examStarted, .answer, .answer, .answer, .examResumed, .examStarted, .examFinished])
    }

    @Test("a finish at the deadline is the clock's, on the server's clock, even when the tutor does not say so")
    func finishAtTheDeadlineIsTheClocks() throws {
        let (store, _) = try StoreFixtures.store()
        guard case .started(let sitting) = try store.beginSitting(StoreFixtures.request("ada")) else {
            Issue.record("a new sitting starts")
            return
        }
        // Time up with nothing typed: the tutor submits no answer, and its finish does not say time up.
        #expect(try store.finishSitting(sitting.id, at: StoreFixtures.deadline, timeUp: false))
        let finished = try #require(try store.sittingsForGrading().first)
        #expect(finished.sitting.finishedByClock)
    }

    @Test("the instructor's screen reads the sittings of the class's exam only, each with its answers counted")
    func summariesOfOneExam() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ada = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("ada")))
        for question in 1...2 {
            _ = try store.commitAnswer(StoreFixtures.answer(question), sitting: ada, at: StoreFixtures.start + 1_000)
        }
        _ = try store.beginSitting(StoreFixtures.request("bob"))
        // An exam of an earlier class in the same folder, with other settings.
        var earlier = StoreFixtures.request("ada")
        earlier.settings = "three-way-handshake:2:10"
        _ = try store.beginSitting(earlier)

        let summaries = try store.sittingSummaries(settings: StoreFixtures.settings)
        #expect(summaries.map(\.sitting.student) == ["ada", "bob"])
        #expect(summaries.map(\.answered) == [2, 0])
        #expect(summaries.allSatisfy { $0.sitting.settings == StoreFixtures.settings })
        #expect(try store.sittingSummaries().count == 3)
        #expect(try store.sittingSummaries(settings: "nothing:1:1").isEmpty)
    }
}
