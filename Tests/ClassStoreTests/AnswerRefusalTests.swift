import Foundation
import GRDB
import Testing

@testable import ClassStore

@Suite("Class store: an answer is committed once and never changed")
struct AnswerRefusalTests {
    @Test("a second answer to the same question is refused and the first is kept")
    func secondAnswerRefused() throws {
        let (store, _) = try StoreFixtures.store()
        let id = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("ada")))
        let first = try store.commitAnswer(
            StoreFixtures.answer(1, seq: "100"), sitting: id, at: StoreFixtures.start + 1)
        guard case .committed = first else {
            Issue.record("first answer refused: \(first)")
            return
        }
        let second = try store.commitAnswer(
            StoreFixtures.answer(1, seq: "999"), sitting: id, at: StoreFixtures.start + 2)
        #expect(second == .refused(.alreadyAnswered(question: 1)))
        #expect(
            "\(AnswerRefusal.alreadyAnswered(question: 1))" == "question 1 is answered already; the first answer stands"
        )
        let kept = try #require(try store.sitting(student: "ada", settings: StoreFixtures.settings))
        #expect(kept.answers.count == 1)
        #expect(kept.answers[0].answer.fields["seq"] == "100")
        let last = try #require(try store.events(after: 0, limit: 10).last)
        #expect(last.kind == .answerRefused && last.student == "ada")
        #expect(last.detail.contains("question 1 is answered already"))
    }

    @Test("answers to a finished sitting, past the deadline, or to no sitting are refused")
    func otherRefusals() throws {
        let (store, _) = try StoreFixtures.store()
        let id = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("ada")))
        let late = StoreFixtures.deadline + 1
        #expect(try store.commitAnswer(StoreFixtures.answer(1), sitting: id, at: late) == .refused(.pastDeadline))
        // The clock's own submission is taken for a few seconds after the deadline, not later.
        var clock = StoreFixtures.answer(1)
        clock.timeUp = true
        guard case .committed(let stored) = try store.commitAnswer(clock, sitting: id, at: late) else {
            Issue.record("an answer the clock submitted at the deadline should be taken")
            return
        }
        #expect(stored.answer.timeUp)
        clock.question = 2
        #expect(
            try store.commitAnswer(clock, sitting: id, at: StoreFixtures.deadline + 5_001) == .refused(.pastDeadline))
        #expect(
            try store.commitAnswer(StoreFixtures.answer(0), sitting: id, at: StoreFixtures.start)
                == .refused(.badQuestion(0)))
        try store.finishSitting(id, at: StoreFixtures.start + 10, timeUp: false)
        #expect(
            try store.commitAnswer(StoreFixtures.answer(3), sitting: id, at: StoreFixtures.start + 11)
                == .refused(.sittingFinished))
        #expect(
            try store.commitAnswer(StoreFixtures.answer(3), sitting: 999, at: StoreFixtures.start)
                == .refused(.noSuchSitting(999)))
        #expect(try store.sitting(student: "ada", settings: StoreFixtures.settings)?.answers.count == 1)
    }

    @Test("the database itself refuses to change or remove an answer or an event")
    func appendOnlyInTheSchema() throws {
        let (store, _) = try StoreFixtures.store()
        let id = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("ada")))
        _ = try store.commitAnswer(StoreFixtures.answer(1), sitting: id, at: StoreFixtures.start + 1)
        let statements = [
            ("UPDATE exam_answers SET point = 'x'", "an exam answer is never changed"),
            ("DELETE FROM exam_answers", "an exam answer is never removed"),
            ("UPDATE exam_answer_fields SET typed = 'x'", "an exam answer is never changed"),
            ("DELETE FROM exam_answer_fields", "an exam answer is never removed"),
            ("UPDATE events SET detail = 'x'", "the event log is append-only"),
            ("DELETE FROM events", "the event log is append-only"),
            ("INSERT INTO exam_answers VALUES (\(id), 1, 'p', 0, 0, 5)", "UNIQUE constraint failed"),
        ]
        for (sql, expected) in statements {
            let error = try #require(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: sql) } }
            #expect(error.message?.contains(expected) == true, "\(sql): \(error)")
        }
        #expect(
            try store.sitting(student: "ada", settings: StoreFixtures.settings)?.answers.first?.answer.point
                == "three-way-handshake:11")
    }
}
