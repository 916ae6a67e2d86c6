import Foundation
import GRDB

extension SQLiteClassStore {
    @discardableResult
    public func recordLogin(student: String, at time: Int64, detail: String) throws(ClassStoreError)
        -> StudentRecord
    {
        try write("record a login") { db in
            try touch(student, at: time, db)
            try log(.login, student: student, at: time, detail, db)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM students WHERE id = ?", arguments: [student])!
            return StudentRecord(id: row["id"], firstSeen: row["first_seen"], lastSeen: row["last_seen"])
        }
    }

    public func recordExit(student: String, at time: Int64, detail: String) throws(ClassStoreError) {
        try write("record an exit") { db in
            try touch(student, at: time, db)
            try log(.exit, student: student, at: time, detail, db)
        }
    }

    public func students() throws(ClassStoreError) -> [StudentRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM students ORDER BY id").map {
                StudentRecord(id: $0["id"], firstSeen: $0["first_seen"], lastSeen: $0["last_seen"])
            }
        }
    }

    public func events(after id: Int64, limit: Int) throws(ClassStoreError) -> [ClassEvent] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, max(0, limit)]
            ).map { row in
                let name: String = row["kind"]
                let id: Int64 = row["id"]
                guard let kind = ClassEvent.Kind(rawValue: name) else {
                    throw ClassStoreError("event \(id) is of the unknown kind '\(name)'")
                }
                return ClassEvent(
                    id: id, time: row["time"], student: row["student_id"], kind: kind, detail: row["detail"])
            }
        }
    }

    public func saveProgress(_ book: [UInt8], student: String, at time: Int64) throws(ClassStoreError) {
        try write("save progress") { db in
            try touch(student, at: time, db)
            try db.execute(
                sql: """
                    INSERT INTO progress_books (student_id, book, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT(student_id) DO UPDATE SET book = excluded.book, saved_at = excluded.saved_at
                    """,
                arguments: [student, Data(book), time])
        }
    }

    public func progress(student: String) throws(ClassStoreError) -> [UInt8]? {
        try read { db in
            try Data.fetchOne(db, sql: "SELECT book FROM progress_books WHERE student_id = ?", arguments: [student])
                .map { Array($0) }
        }
    }

    public func progressBooks() throws(ClassStoreError) -> [ProgressBookRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM progress_books ORDER BY student_id").map { row in
                let book: Data = row["book"]
                return ProgressBookRecord(student: row["student_id"], book: Array(book), savedAt: row["saved_at"])
            }
        }
    }
}
