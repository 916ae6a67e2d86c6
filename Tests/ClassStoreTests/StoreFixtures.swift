import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport

/// What the store tests share: a fresh store in a folder of its own, and an exam's settings and times.
enum StoreFixtures {
    static let settings = "three-way-handshake,four-way-teardown:4:30"
    static let start: Int64 = 1_790_000_000_000
    static let deadline = start + 30 * 60_000

    /// A new folder and the store in it.
    static func store() throws -> (SQLiteClassStore, URL) {
        let folder = try TemporaryFolder.make("tcptutor-class-store")
        return (try SQLiteClassStore(directory: folder.path), folder)
    }

    static func request(_ student: String, at time: Int64 = start) -> SittingRequest {
        SittingRequest(
            student: student, settings: settings, fingerprint: "fp-\(student)", startedAt: time,
            deadline: time + 30 * 60_000)
    }

    static func answer(_ question: Int, seq: String = "100") -> ExamAnswer {
        ExamAnswer(
            question: UInt32(question), point: "three-way-handshake:\(10 + question)",
            fields: ["flags": "S", "seq": seq])
    }

    /// The sitting a `beginSitting` started or resumed.
    static func sittingID(_ begin: SittingBegin) -> Int64 {
        switch begin {
        case .started(let sitting): sitting.id
        case .resumed(let state): state.sitting.id
        }
    }
}
