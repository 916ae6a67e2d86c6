import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport

/// This test binary run again as a child process that writes to a store: for the kill -9 and two-process
/// tests. The child reports each answer once `commitAnswer` returned (`COMMITTED <question>`).
enum StoreChildProcess {
    static let variable = "TCPTUTOR_CLASS_STORE_CHILD"

    /// What the child is to do: the store's folder and the student whose sitting it answers.
    struct Task {
        var folder: String
        var student: String
        /// Answers to commit; nil runs until killed.
        var count: Int?

        var setting: String { "\(count.map(String.init) ?? "forever")|\(student)|\(folder)" }

        init(folder: String, student: String, count: Int?) {
            self.folder = folder
            self.student = student
            self.count = count
        }

        init?(setting: String) {
            let parts = setting.split(separator: "|", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return nil }
            count = Int(parts[0])
            student = parts[1]
            folder = parts[2]
        }
    }

    /// Resumes (or begins) the student's sitting and commits answers to the questions after the last kept,
    /// each in a transaction of its own, reporting each once committed.
    static func run(_ task: Task, report: (Int) -> Void) throws {
        let store = try SQLiteClassStore(directory: task.folder)
        let begin = try store.beginSitting(
            SittingRequest(
                student: task.student, settings: StoreFixtures.settings, fingerprint: "f", startedAt: 1,
                deadline: Int64.max / 2))
        let (id, kept) =
            switch begin {
            case .started(let sitting): (sitting.id, 0)
            case .resumed(let state): (state.sitting.id, state.answers.map { Int($0.answer.question) }.max() ?? 0)
            }
        var question = kept + 1
        while task.count.map({ question <= kept + $0 }) ?? true {
            let answer = ExamAnswer(
                question: UInt32(question), point: "p",
                fields: ["seq": "\(question)", "flags": String(repeating: "S", count: 200)])
            guard case .committed = try store.commitAnswer(answer, sitting: id, at: 2) else {
                throw ClassStoreError("answer \(question) refused")
            }
            report(question)
            question += 1
        }
    }

    /// Starts the child.
    static func start(_ task: Task) throws -> TestChildProcess {
        try TestChildProcess.start(test: "classStoreChildWriter", variable: variable, value: task.setting)
    }

    /// Reads the child's reports until `enough` says stop or the child's output ends; the highest question
    /// reported committed.
    static func readReports(_ child: inout TestChildProcess, until enough: (Int) -> Bool) -> Int {
        var highest = 0
        while !enough(highest), let line = child.nextLine() {
            if line.hasPrefix("COMMITTED "), let question = Int(line.dropFirst(10)) { highest = max(highest, question) }
        }
        return highest
    }
}
