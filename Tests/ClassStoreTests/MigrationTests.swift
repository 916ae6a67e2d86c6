import Foundation
import GRDB
import TCPTutorTestSupport
import Testing

@testable import ClassStore

@Suite("Class store: migrations")
struct MigrationTests {
    @Test("an empty file gets every table and the current version")
    func emptyFile() throws {
        let (store, _) = try StoreFixtures.store()
        #expect(try store.schemaVersion() == ClassStoreSchema.currentVersion)
        let tables = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["events", "exam_answer_fields", "exam_answers", "exam_sittings", "progress_books", "students"] {
            #expect(tables.contains(table), "\(table) missing from \(tables)")
        }
    }

    @Test("a file at version 1 with data is brought to the current version and keeps its data")
    func existingFile() throws {
        let folder = try TemporaryFolder.make("tcptutor-class-store")
        let path = folder.appendingPathComponent(SQLiteClassStore.fileName).path
        do {
            let old = try DatabasePool(path: path)
            try ClassStoreSchema.migrator(upTo: "1 students, progress, exams, events").migrate(old)
            try old.write { db in
                try db.execute(sql: "INSERT INTO students VALUES ('ada', 1, 2)")
                try db.execute(
                    sql:
                        "INSERT INTO exam_sittings (student_id, settings, fingerprint, started_at, deadline) VALUES ('ada', ?, 'f', 10, 20)",
                    arguments: [StoreFixtures.settings])
                try db.execute(sql: "INSERT INTO exam_answers VALUES (1, 1, 'p', 0, 11, 0)")
                try db.execute(sql: "INSERT INTO exam_answer_fields VALUES (1, 1, 'seq', '100')")
                // Version 1 had no triggers: this change is allowed there.
                try db.execute(sql: "UPDATE exam_answers SET point = 'q'")
            }
            try old.close()
        }
        let store = try SQLiteClassStore(path: path)
        #expect(try store.schemaVersion() == 2)
        let kept = try #require(try store.sitting(student: "ada", settings: StoreFixtures.settings))
        #expect(kept.answers.map(\.answer.point) == ["q"] && kept.answers[0].answer.fields == ["seq": "100"])
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE exam_answers SET point = 'r'") }
        }
        // Opening again migrates nothing more.
        #expect(try SQLiteClassStore(path: path).schemaVersion() == 2)
    }

    @Test("a file from a newer program, or one that is not a database, is refused with a clear message")
    func refusedFiles() throws {
        let (store, folder) = try StoreFixtures.store()
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('3 something newer')")
        }
        let error = try #require(throws: ClassStoreError.self) { try SQLiteClassStore(directory: folder.path) }
        #expect(error.message.contains("was written by a newer tcptutor (schema past version 2)"))

        let other = try TemporaryFolder.make("tcptutor-class-store")
        let path = other.appendingPathComponent(SQLiteClassStore.fileName)
        try Data(repeating: 0x41, count: 4096).write(to: path)
        let garbage = try #require(throws: ClassStoreError.self) { try SQLiteClassStore(directory: other.path) }
        #expect(garbage.message.hasPrefix("cannot open the class store \(path.path): "))
        #expect(garbage.message.contains("not a database"))
    }
}
