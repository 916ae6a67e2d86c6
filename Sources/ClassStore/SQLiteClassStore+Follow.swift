import GRDB

extension SQLiteClassStore {
    public func recordFollowAnswer(
        student: String, lesson: String, position: UInt32, fields: [String: String], at time: Int64
    ) throws(ClassStoreError) {
        try write("keep a class's answer") { db in
            try touch(student, at: time, db)
            try db.execute(
                sql: "INSERT INTO follow_answers (student_id, lesson, position, answered_at) VALUES (?, ?, ?, ?)",
                arguments: [student, lesson, position, time])
            let id = db.lastInsertedRowID
            for (field, typed) in fields {
                try db.execute(
                    sql: "INSERT INTO follow_answer_fields (answer_id, field, typed) VALUES (?, ?, ?)",
                    arguments: [id, field, typed])
            }
        }
    }

    public func followAnswers(lesson: String) throws(ClassStoreError) -> [FollowAnswerRecord] {
        try read { db in
            try Self.answers(
                db, rows: "SELECT * FROM follow_answers WHERE lesson = ? ORDER BY id",
                fields: """
                    SELECT answer_id AS answer, field, typed FROM follow_answer_fields
                    WHERE answer_id IN (SELECT id FROM follow_answers WHERE lesson = ?)
                    """,
                arguments: [lesson], key: "id", of: Int64.self
            ).map { row, fields in
                FollowAnswerRecord(
                    student: row["student_id"], position: row["position"], fields: fields,
                    answeredAt: row["answered_at"])
            }
        }
    }
}
