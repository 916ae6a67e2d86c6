import GRDB

/// The store's tables, made and upgraded by GRDB's migrator: each migration runs once, in order, in a
/// transaction, and `grdb_migrations` records which ran. The schema version is the number of migrations
/// applied. A migration is never edited once released; a change to the schema is a new migration.
///
/// The SQL is kept to what PostgreSQL also reads (but for `AUTOINCREMENT`, `BLOB` and the triggers' syntax),
/// so that a PostgreSQL store can make the same tables.
enum ClassStoreSchema {
    /// Triggers by which the database itself refuses to change or remove a row of `table`, with the words the
    /// refusal gives (`<table>_not_changed`, `<table>_not_removed`).
    private static func appendOnly(_ table: String, changed: String, removed: String) -> String {
        """
        CREATE TRIGGER \(table)_not_changed BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(changed)'); END;
        CREATE TRIGGER \(table)_not_removed BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(removed)'); END;

        """
    }

    static let migrations: [(id: String, sql: String)] = [
        (
            "1 students, progress, exams, events",
            """
            CREATE TABLE students (
                id TEXT PRIMARY KEY NOT NULL,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL
            );
            CREATE TABLE progress_books (
                student_id TEXT PRIMARY KEY NOT NULL REFERENCES students(id),
                book BLOB NOT NULL,
                saved_at INTEGER NOT NULL
            );
            CREATE TABLE exam_sittings (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student_id TEXT NOT NULL REFERENCES students(id),
                settings TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                deadline INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
                finished_at INTEGER,
                finished_by_clock INTEGER NOT NULL DEFAULT 0,
                UNIQUE (student_id, settings)
            );
            CREATE TABLE exam_answers (
                sitting_id INTEGER NOT NULL REFERENCES exam_sittings(id),
                question INTEGER NOT NULL CHECK (question >= 1),
                point TEXT NOT NULL,
                time_up INTEGER NOT NULL,
                committed_at INTEGER NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (sitting_id, question),
                UNIQUE (sitting_id, position)
            );
            CREATE TABLE exam_answer_fields (
                sitting_id INTEGER NOT NULL,
                question INTEGER NOT NULL,
                field TEXT NOT NULL,
                typed TEXT NOT NULL,
                PRIMARY KEY (sitting_id, question, field),
                FOREIGN KEY (sitting_id, question) REFERENCES exam_answers(sitting_id, question)
            );
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time INTEGER NOT NULL,
                student_id TEXT,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            """
        ),
        (
            "2 answers and events are append-only",
            appendOnly(
                "exam_answers", changed: "an exam answer is never changed", removed: "an exam answer is never removed")
                + appendOnly(
                    "exam_answer_fields", changed: "an exam answer is never changed",
                    removed: "an exam answer is never removed")
                + appendOnly(
                    "events", changed: "the event log is append-only", removed: "the event log is append-only")
                + "CREATE INDEX events_by_student ON events(student_id, id);\n"
        ),
    ]

    /// The migrator with every migration, or with those up to `last` (to make an older file in tests).
    static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.id) { db in try db.execute(sql: migration.sql) }
            if migration.id == last { break }
        }
        return migrator
    }

    /// The schema version this program writes.
    static var currentVersion: Int { migrations.count }
}
