import ClassStore
import Foundation
import LessonKit
import TutorSession
import TutorStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exam a class server sets (`serve --exam LESSONS:QUESTIONS:MINUTES`): every student's exam is derived from the
/// key in the data folder and their id, as a local exam is, but the key and the answers never leave the server. A
/// student's tutor runs the exam on the server's side and commits every answer to the server's store over the class
/// link before its screen accepts it.
public struct ClassExam: Sendable {
    public let parameters: ExamParameters
    /// `DIR/exam.key`: made on first start (32 random bytes, mode 0600) and kept, so a restarted server gives every
    /// student the same exam.
    public let keyFile: String
    public let key: ExamKey
    public let lessons: LessonFolder
    public let store: SQLiteClassStore

    public init(
        parameters: ExamParameters, keyFile: String, key: ExamKey, lessons: LessonFolder, store: SQLiteClassStore
    ) {
        self.parameters = parameters
        self.keyFile = keyFile
        self.key = key
        self.lessons = lessons
        self.store = store
    }

    /// What the store checks a student's tutor against: these settings, and the fingerprint of the exam the key
    /// gives this student (a tutor that derived another exam is refused).
    func linkExam(for student: StudentID) throws -> StudentLinkRequests.Exam {
        let sitting = try ExamSitting(
            key: key, studentID: student.value, parameters: parameters, lessons: lessons, records: [],
            logName: "the class server")
        return StudentLinkRequests.Exam(version: 1, parameters: parameters, fingerprint: sitting.blueprint.fingerprint)
    }

    /// The tutor's arguments for this student's exam: the server's settings, never the student's.
    func arguments(for student: StudentID, lessonFolder: [String]) -> [String] {
        [
            "exam", "--lessons", parameters.lessons.joined(separator: ","), "--questions",
            "\(parameters.questionCount)", "--minutes", "\(parameters.minutes)", "--student", student.value,
            "--key-file", keyFile,
        ] + lessonFolder
    }

    /// The key in `folder`, made if it is not there yet.
    public static func loadOrMakeKey(in folder: String) throws -> (path: String, key: ExamKey) {
        let path = folder + "/exam.key"
        if access(path, F_OK) != 0 {
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else {
                throw ClassExamError("cannot make \(path): \(String(cString: strerror(errno)))")
            }
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            let synced = fsync(descriptor) == 0
            close(descriptor)
            guard written == bytes.count, synced else { throw ClassExamError("cannot write \(path)") }
        }
        return (path, try ExamKey(contentsOf: URL(fileURLWithPath: path)))
    }
}

extension ClassExam {
    /// What the instructor's screen reads of this exam.
    var watch: ExamWatch {
        ExamWatch(
            store: store, settings: parameters.settingsText, lessons: parameters.lessons.joined(separator: ", "),
            questionCount: parameters.questionCount, minutesText: parameters.minutesText)
    }
}

/// What the instructor's screen needs of the class's exam: the store its sittings are in (any backend: the
/// screen asks the `ClassStore` protocol only) and the exam's settings and size.
struct ExamWatch: Sendable {
    let store: any ClassStore
    /// `LESSONS:QUESTIONS:MINUTES`, as the sittings are stored under.
    let settings: String
    /// The lessons the questions come from, for the screen.
    let lessons: String
    let questionCount: Int
    let minutesText: String

    /// The sittings of this exam with how far each got, read from the store.
    func summaries() throws(ClassStoreError) -> [SittingSummary] {
        try store.sittingSummaries(settings: settings)
    }
}

/// A problem with the class's exam, worded for the instructor.
public struct ClassExamError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
