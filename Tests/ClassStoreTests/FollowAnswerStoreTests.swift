import Foundation
import GRDB
import Testing

@testable import ClassStore

@Suite("Class store: a follow class's answers")
struct FollowAnswerStoreTests {
    @Test("each answer is kept as typed, in the order it came, per lesson; a second answer adds a row")
    func keptInOrder() throws {
        let (store, _) = try StoreFixtures.store()
        try store.recordFollowAnswer(
            student: "ada", lesson: "three-way-handshake", position: 2, fields: ["flags": "S.", "seq": "0"], at: 10)
        try store.recordFollowAnswer(
            student: "bob", lesson: "three-way-handshake", position: 2, fields: ["flags": "A"], at: 11)
        try store.recordFollowAnswer(student: "ada", lesson: "close", position: 5, fields: ["flags": "F."], at: 12)
        try store.recordFollowAnswer(
            student: "ada", lesson: "three-way-handshake", position: 2, fields: ["flags": "SA", "seq": "1"], at: 13)
        let kept = try store.followAnswers(lesson: "three-way-handshake")
        #expect(kept.map(\.student) == ["ada", "bob", "ada"])
        #expect(kept.map(\.answeredAt) == [10, 11, 13])
        #expect(kept.map(\.position) == [2, 2, 2])
        #expect(kept[0].fields == ["flags": "S.", "seq": "0"] && kept[2].fields == ["flags": "SA", "seq": "1"])
        #expect(try store.followAnswers(lesson: "close").map(\.fields) == [["flags": "F."]])
        // The students who answered are students of the class, even if they never saved progress.
        #expect(try store.students().map(\.id) == ["ada", "bob"])
    }

    @Test("the database itself refuses to change or remove a class's answer")
    func appendOnly() throws {
        let (store, _) = try StoreFixtures.store()
        try store.recordFollowAnswer(student: "ada", lesson: "l", position: 1, fields: ["seq": "1"], at: 10)
        for sql in [
            "UPDATE follow_answers SET position = 2", "DELETE FROM follow_answers",
            "UPDATE follow_answer_fields SET typed = '2'", "DELETE FROM follow_answer_fields",
        ] {
            let error = try #require(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: sql) } }
            #expect("\(error)".contains("a follow answer is never"), "\(sql): \(error)")
        }
        #expect(try store.followAnswers(lesson: "l").map(\.fields) == [["seq": "1"]])
    }
}
