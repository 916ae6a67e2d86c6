import ClassLink
import GRDB

extension SQLiteClassStore {
    public func beginSitting(_ request: SittingRequest) throws(ClassStoreError) -> SittingBegin {
        try write("begin an exam") { db in
            try touch(request.student, at: request.startedAt, db)
            if let state = try Self.sitting(student: request.student, settings: request.settings, db) {
                try log(
                    .examResumed, student: request.student, at: request.startedAt,
                    "sitting \(state.sitting.id): \(state.answers.count) answers kept", db)
                return .resumed(state)
            }
            try db.execute(
                sql: """
                    INSERT INTO exam_sittings (student_id, settings, fingerprint, started_at, deadline)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    request.student, request.settings, request.fingerprint, request.startedAt, request.deadline,
                ])
            let id = db.lastInsertedRowID
            try log(
                .examStarted, student: request.student, at: request.startedAt,
                "sitting \(id): \(request.settings)", db)
            return .started(try Self.sittingRecord(id, db)!)
        }
    }

    public func sitting(student: String, settings: String) throws(ClassStoreError) -> ExamSittingState? {
        try read { db in try Self.sitting(student: student, settings: settings, db) }
    }

    public func commitAnswer(
        _ answer: ExamAnswer, sitting id: Int64, at time: Int64
    ) throws(ClassStoreError) -> AnswerOutcome {
        try write("commit an answer") { db in
            let sitting = try Self.sittingRecord(id, db)
            if let refusal = try refusal(of: answer, to: sitting, id: id, at: time, db) {
                try log(
                    .answerRefused, student: sitting?.student, at: time,
                    "sitting \(id) question \(answer.question): \(refusal)", db)
                return .refused(refusal)
            }
            let position =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM exam_answers WHERE sitting_id = ?", arguments: [id])
                ?? 0
            try db.execute(
                sql: """
                    INSERT INTO exam_answers (sitting_id, question, point, time_up, committed_at, position)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, answer.question, answer.point, answer.timeUp, time, position])
            for (field, typed) in answer.fields {
                try db.execute(
                    sql: "INSERT INTO exam_answer_fields (sitting_id, question, field, typed) VALUES (?, ?, ?, ?)",
                    arguments: [id, answer.question, field, typed])
            }
            try log(.answer, student: sitting?.student, at: time, "sitting \(id) question \(answer.question)", db)
            return .committed(StoredAnswer(answer: answer, committedAt: time, position: position))
        }
    }

    /// Why `answer` cannot be committed, or nil when it can.
    private func refusal(
        of answer: ExamAnswer, to sitting: ExamSittingRecord?, id: Int64, at time: Int64, _ db: Database
    ) throws -> AnswerRefusal? {
        guard let sitting else { return .noSuchSitting(id) }
        guard answer.question >= 1 else { return .badQuestion(Int(answer.question)) }
        guard sitting.status == .open else { return .sittingFinished }
        // An answer the clock submitted is written a moment after the deadline, by design.
        guard time <= sitting.deadline + (answer.timeUp ? timeUpGrace : 0) else { return .pastDeadline }
        let answered = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM exam_answers WHERE sitting_id = ? AND question = ?)",
            arguments: [id, answer.question])
        return answered == true ? .alreadyAnswered(question: Int(answer.question)) : nil
    }

    @discardableResult
    public func finishSitting(_ id: Int64, at time: Int64, timeUp: Bool) throws(ClassStoreError) -> Bool {
        try write("finish an exam") { db in
            guard let sitting = try Self.sittingRecord(id, db), sitting.status == .open else { return false }
            // The server's clock is the exam's: a finish at or past the deadline is the clock's, whatever the
            // tutor says (a time-up with nothing typed submits no answer for the tutor to mark).
            let timeUp = timeUp || time >= sitting.deadline
            try db.execute(
                sql:
                    "UPDATE exam_sittings SET status = 'finished', finished_at = ?, finished_by_clock = ? WHERE id = ?",
                arguments: [time, timeUp, id])
            try log(
                .examFinished, student: sitting.student, at: time,
                "sitting \(id)" + (timeUp ? ": the time ran out" : ""), db)
            return true
        }
    }

    public func sittingSummaries() throws(ClassStoreError) -> [SittingSummary] {
        try read { db in try Self.summaries(where: "", arguments: [], db) }
    }

    public func sittingSummaries(settings: String) throws(ClassStoreError) -> [SittingSummary] {
        try read { db in try Self.summaries(where: "WHERE s.settings = ?", arguments: [settings], db) }
    }

    /// Sittings with their number of answers and the time of the latest, by student: one query (a join and a
    /// count, as PostgreSQL reads it too).
    private static func summaries(
        where condition: String, arguments: StatementArguments, _ db: Database
    ) throws -> [SittingSummary] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.*, COUNT(a.question) AS answered, MAX(a.committed_at) AS last_answer_at
                FROM exam_sittings s LEFT JOIN exam_answers a ON a.sitting_id = s.id
                \(condition)
                GROUP BY s.id ORDER BY s.student_id, s.id
                """,
            arguments: arguments
        ).map { row in
            SittingSummary(
                sitting: try sittingRecord(row), answered: row["answered"], lastAnswerAt: row["last_answer_at"])
        }
    }

    public func sittingsForGrading() throws(ClassStoreError) -> [ExamSittingState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM exam_sittings ORDER BY student_id, id").map { row in
                let sitting = try Self.sittingRecord(row)
                return ExamSittingState(sitting: sitting, answers: try Self.answers(sitting: sitting.id, db))
            }
        }
    }

    // MARK: Reading rows

    static func sitting(student: String, settings: String, _ db: Database) throws -> ExamSittingState? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM exam_sittings WHERE student_id = ? AND settings = ?",
                arguments: [student, settings])
        else { return nil }
        let sitting = try sittingRecord(row)
        return ExamSittingState(sitting: sitting, answers: try answers(sitting: sitting.id, db))
    }

    static func sittingRecord(_ id: Int64, _ db: Database) throws -> ExamSittingRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM exam_sittings WHERE id = ?", arguments: [id]).map(sittingRecord)
    }

    static func sittingRecord(_ row: Row) throws -> ExamSittingRecord {
        let statusName: String = row["status"]
        guard let status = ExamSittingRecord.Status(rawValue: statusName) else {
            throw ClassStoreError("an exam sitting has the unknown status '\(statusName)'")
        }
        return ExamSittingRecord(
            id: row["id"], student: row["student_id"], settings: row["settings"], fingerprint: row["fingerprint"],
            startedAt: row["started_at"], deadline: row["deadline"], status: status, finishedAt: row["finished_at"],
            finishedByClock: row["finished_by_clock"])
    }

    /// A sitting's answers in the order they were committed, each with its typed fields.
    static func answers(sitting id: Int64, _ db: Database) throws -> [StoredAnswer] {
        try Self.answers(
            db, rows: "SELECT * FROM exam_answers WHERE sitting_id = ? ORDER BY position",
            fields: "SELECT question AS answer, field, typed FROM exam_answer_fields WHERE sitting_id = ?",
            arguments: [id], key: "question", of: UInt32.self
        ).map { row, fields in
            StoredAnswer(
                answer: ExamAnswer(
                    question: row["question"], point: row["point"], fields: fields, timeUp: row["time_up"]),
                committedAt: row["committed_at"], position: row["position"])
        }
    }
}
