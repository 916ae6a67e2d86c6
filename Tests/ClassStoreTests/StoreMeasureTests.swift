import ClassLink
import Foundation
import GRDB
import Testing

@testable import ClassStore

/// Figures for DECISIONS.md, printed by the test (not timed: a busy machine is slower, not wrong).
@Suite("Class store: what an answer costs")
struct StoreMeasureTests {
    @Test("1000 answers, each its own fsynced transaction: the rate and the file's growth")
    func commitRateAndSize() throws {
        let (store, folder) = try StoreFixtures.store()
        let file = folder.appendingPathComponent(SQLiteClassStore.fileName).path
        func checkpointedSize() throws -> Int {
            _ = try store.pool.writeWithoutTransaction { db in
                try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            return try FileManager.default.attributesOfItem(atPath: file)[.size] as! Int
        }
        let empty = try checkpointedSize()
        let students = 40
        var sittings: [Int64] = []
        for student in 0..<students {
            sittings.append(StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("student\(student)"))))
        }
        let answers = 1000
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for index in 0..<answers {
                let answer = ExamAnswer(
                    question: UInt32(index / students + 1), point: "three-way-handshake:14",
                    fields: ["flags": "S.", "seq": "\(3_000_000_000 + index)", "ack": "\(1_000_000 + index)"])
                guard
                    case .committed = try store.commitAnswer(
                        answer, sitting: sittings[index % students], at: StoreFixtures.start + 1)
                else {
                    throw ClassStoreError("answer \(index) refused")
                }
            }
        }
        let stored = try store.sittingsForGrading().reduce(0) { $0 + $1.answers.count }
        #expect(stored == answers)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let growth = try checkpointedSize() - empty
        print(
            "class store: \(answers) answers in \(String(format: "%.2f", seconds)) s = "
                + "\(Int(Double(answers) / seconds)) answers/s (WAL, synchronous FULL, one transaction each); "
                + "file grew \(growth / 1024) KiB per 1000 answers (with their events)")
    }
}
