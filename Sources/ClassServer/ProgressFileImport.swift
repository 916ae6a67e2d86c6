import ClassStore
import Foundation
import TutorStorage

/// A server that kept each student's progress in a file of their own (`XDG_STATE_HOME=DIR/students/<id>/state`
/// for their tutor) and now keeps it in the store: at a student's first login, when the store has no book for
/// them and that file is there, the file's book is brought into the store, once, so that nobody loses their
/// progress. The file is left as it was; the store's book is the one read from then on.
struct ProgressFileImport {
    /// `DIR/students`.
    let studentsFolder: String
    let store: any ClassStore

    /// The file that server's tutor kept: where `ProgressStore` puts the book for that `XDG_STATE_HOME`.
    func file(for student: StudentID) -> String {
        ProgressStore(environment: ["XDG_STATE_HOME": studentsFolder + "/" + student.value + "/state"]).fileURL.path
    }

    /// The student's book as the store keeps it (empty when there is none), the file's brought in first when
    /// the store has none yet. A file that is no progress book is left where it is, and said so in the log.
    func book(for student: StudentID, log: ClassLog) throws -> [UInt8] {
        if let book = try store.progress(student: student.value) { return book }
        let path = file(for: student)
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let fields = [("student", student.value), ("from", path)]
        guard let bytes = FileManager.default.contents(atPath: path) else {
            log.record("progress-not-imported", fields + [("reason", "it cannot be read")], level: .warning)
            return []
        }
        switch ProgressBookFormat.decode(bytes) {
        case .success:
            try store.saveProgress(Array(bytes), student: student.value, at: StudentLinkServer.now())
            log.record("progress-imported", fields)
            return Array(bytes)
        case .failure(let unreadable):
            log.record("progress-not-imported", fields + [("reason", unreadable.reason)], level: .warning)
            return []
        }
    }
}
