import Foundation
import GRDB

/// The class store in one SQLite file in the server's folder (`DIR/class.sqlite`), through GRDB.
///
/// WAL mode (a `DatabasePool`): the instructor's screen reads while students' answers are written, and a
/// write is one append to the WAL file. `synchronous = FULL`: each commit is fsynced before it returns, so an
/// answer the student saw accepted survives a power cut, not only a killed server. Writes take the write lock
/// at once (`BEGIN IMMEDIATE`) and wait up to `busyTimeout` for another connection (a second server process,
/// `class grade` run during the class) to finish.
public final class SQLiteClassStore: ClassStore {
    /// The file's name in the server's folder.
    public static let fileName = "class.sqlite"

    public let path: String
    let pool: DatabasePool
    /// How long after the deadline an answer the clock submitted is still taken.
    let timeUpGrace: Int64

    /// Opens (creating if new) `DIR/class.sqlite` and brings its schema up to date.
    public convenience init(directory: String, timeUpGrace: Int64 = 5_000) throws(ClassStoreError) {
        try self.init(path: directory + "/" + Self.fileName, timeUpGrace: timeUpGrace)
    }

    /// Opens (creating if new) the store at `path` and brings its schema up to date. A file written by a newer
    /// program (migrations this one does not know) is refused rather than used half-understood.
    public init(path: String, timeUpGrace: Int64 = 5_000, busyTimeout: TimeInterval = 10) throws(ClassStoreError) {
        self.path = path
        self.timeUpGrace = timeUpGrace
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "class store"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = ClassStoreSchema.migrator()
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw ClassStoreError(
                    "\(path) was written by a newer tcptutor (schema past version \(ClassStoreSchema.currentVersion)); "
                        + "use that version")
            }
            try migrator.migrate(pool)
        } catch let error as ClassStoreError {
            throw error
        } catch {
            throw Self.wording(error, path: path, doing: "open")
        }
    }

    public func schemaVersion() throws(ClassStoreError) -> Int {
        try read { db in try ClassStoreSchema.migrator().appliedIdentifiers(db).count }
    }

    /// The journal mode SQLite reports (`wal`).
    public func journalMode() throws(ClassStoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// One write transaction that takes the write lock at once: two servers never deadlock upgrading a read.
    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(ClassStoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as ClassStoreError {
            throw error
        } catch {
            throw Self.wording(error, path: path, doing: doing)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ClassStoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.wording(error, path: path, doing: "read")
        }
    }

    static func wording(_ error: any Error, path: String, doing: String) -> ClassStoreError {
        if let error = error as? DatabaseError {
            return ClassStoreError("cannot \(doing) the class store \(path): \(error.message ?? "\(error.resultCode)")")
        }
        return ClassStoreError("cannot \(doing) the class store \(path): \(error)")
    }

    /// Answers' rows (`rows`), each with its typed fields (`fields`, which selects `answer`, `field` and `typed`),
    /// joined on the row's column `key`: an answer's fields are rows of a table of their own.
    static func answers<Answer: DatabaseValueConvertible & Hashable>(
        _ db: Database, rows: String, fields: String, arguments: StatementArguments, key: String, of: Answer.Type
    ) throws -> [(row: Row, fields: [String: String])] {
        var typed: [Answer: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: fields, arguments: arguments) {
            typed[row["answer"] as Answer, default: [:]][row["field"]] = row["typed"] as String
        }
        return try Row.fetchAll(db, sql: rows, arguments: arguments).map { ($0, typed[$0[key] as Answer] ?? [:]) }
    }

    /// Adds a student, or moves their last-seen time on.
    func touch(_ student: String, at time: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO students (id, first_seen, last_seen) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)
                """,
            arguments: [student, time, time])
    }

    func log(_ kind: ClassEvent.Kind, student: String?, at time: Int64, _ detail: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO events (time, student_id, kind, detail) VALUES (?, ?, ?, ?)",
            arguments: [time, student, kind.rawValue, detail])
    }
}
