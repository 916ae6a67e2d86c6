import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TutorStorage

@testable import TutorSession

/// `tcptutor exam grade` as an instructor runs it: the built program over a folder of real logs.
@Suite("Command line: exam grade")
struct ExamCommandTests {
    @Test("grades a class: CSV on standard output, summary to a file, broken logs named on standard error")
    func grade() throws {
        let directory = try TemporaryFolder.make("tcptutor-exam")
        let keyFile = directory.appendingPathComponent("exam.key")
        try Data("correct horse battery staple, 2026\n".utf8).write(to: keyFile)
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let parameters = ExamParameters(
            lessons: ["three-way-handshake", "four-way-teardown"], questionCount: 4, minutes: 15)
        for student in ["li.wei", "maria"] {
            // Written as `tcptutor exam` writes them: the sitting's entries appended to the log as they come.
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            var (exam, log) = try ExamLogFile.openSitting(
                directory: logs, key: try ExamKey(contentsOf: keyFile), studentID: student, parameters: parameters,
                lessons: Curriculum.folder, now: now)
            if let start = exam.begin(at: now) { try log.append(start) }
            while let question = exam.currentQuestion {
                var typed = RightAnswer.typed(question.quiz)
                if student == "maria" { typed[.flags] = "." }
                for entry in try exam.submit(typed, at: now) { try log.append(entry) }
            }
        }
        try FileManager.default.copyItem(
            at: logs.appendingPathComponent("maria.examlog"), to: logs.appendingPathComponent("mallory.examlog"))
        let summary = directory.appendingPathComponent("summary.csv")

        let result = try TutorProgram.run([
            "exam", "grade", "--key-file", keyFile.path, "--summary", summary.path, logs.path,
        ])
        #expect(result.status == 1, "a broken log makes the grading fail: \(result.errors)")
        #expect(result.errors.contains("1 of 3 logs are broken (mallory)"))
        let rows = result.output.split(separator: "\n").map(String.init)
        #expect(rows.first == "student,status,q1,q2,q3,q4,total,max,minutes,issues")
        #expect(rows.count == 4)
        let liWei = try #require(rows.first { $0.hasPrefix("li.wei,") })
        let cells = liWei.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells[1] == "ok" && cells[6] == cells[7])
        #expect(rows.contains { $0.hasPrefix("maria,ok,") })
        #expect(rows.contains { $0.hasPrefix("mallory,broken,") })
        #expect(result.errors.contains("mallory: broken: the log is for student 'maria'"))
        let summaryText = try String(contentsOf: summary, encoding: .utf8)
        #expect(summaryText.hasPrefix("group,name,asked,answered,all_right,mean_points,max_points,"))
        #expect(summaryText.contains("\nquestion,q4,2,2,"))
        #expect(summaryText.contains("\nlesson,three-way-handshake,"))

        try FileManager.default.removeItem(at: logs.appendingPathComponent("mallory.examlog"))
        let clean = try TutorProgram.run([
            "exam", "grade", "--key-file", keyFile.path, "--summary", summary.path, logs.path,
        ])
        #expect(clean.status == 0, "\(clean.errors)")

        let noKey = try TutorProgram.run([
            "exam", "grade", "--key-file", directory.appendingPathComponent("none").path, logs.path,
        ])
        #expect(noKey.status != 0 && noKey.errors.contains("cannot read the key file"))

        let atFolder = try TutorProgram.run([
            "exam", "grade", "--key-file", keyFile.path, "--output", logs.path, logs.path,
        ])
        #expect(atFolder.status != 0 && atFolder.errors.contains("cannot write \(logs.path): it is a folder"))
        let nowhere = directory.appendingPathComponent("none/summary.csv").path
        let noFolder = try TutorProgram.run([
            "exam", "grade", "--key-file", keyFile.path, "--summary", nowhere, logs.path,
        ])
        #expect(noFolder.errors.contains("cannot write \(nowhere): there is no folder \(directory.path)/none"))
    }

    @Test("exam --help says what a key file is, how to make one, how to run an exam, and what a log proves")
    func help() throws {
        let help = try TutorProgram.run(["exam", "--help"])
        #expect(help.status == 0)
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("head -c 32 /dev/urandom > exam.key"))
        #expect(text.contains("key file is the instructor's secret"))
        #expect(text.contains("walkthrough") && text.contains("tcptutor exam grade --key-file exam.key"))
        #expect(text.contains("not stop a determined student") && text.contains("tcptutor class serve"))
        let take = try TutorProgram.run(["exam", "take", "--help"])
        #expect(take.output.contains("decimals are allowed"))
        let grade = try TutorProgram.run(["exam", "grade", "--help"])
        let gradeText = grade.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(gradeText.contains("time up (the time ran out first") && gradeText.contains("exits with status 1"))
    }

    @Test("--out at a file or where no folder can be made says what is wrong in words")
    func outFolderErrors() throws {
        let directory = try TemporaryFolder.make("tcptutor-exam")
        let keyFile = directory.appendingPathComponent("exam.key")
        try Data("correct horse battery staple, 2026\n".utf8).write(to: keyFile)
        func exam(out: String) throws -> TutorProgram.Result {
            try TutorProgram.run([
                "exam", "--plain", "--lessons", "three-way-handshake", "--questions", "2", "--minutes", "5",
                "--student", "s1", "--key-file", keyFile.path, "--out", out,
            ])
        }
        let atFile = try exam(out: keyFile.path)
        #expect(atFile.status != 0)
        #expect(atFile.errors.contains("--out \(keyFile.path): is a file, not a folder"), "\(atFile.errors)")
        let missing = directory.appendingPathComponent("no/such/exams").path
        let noParent = try exam(out: missing)
        #expect(noParent.status != 0)
        #expect(
            noParent.errors.contains("cannot create folder \(missing): there is no folder \(directory.path)/no/such"),
            "\(noParent.errors)")
        let underFile = try exam(out: keyFile.path + "/exams")
        #expect(underFile.errors.contains("is a file, not a folder"), "\(underFile.errors)")
        for result in [atFile, noParent, underFile] { #expect(!result.errors.contains("CocoaError")) }
        // A new folder in an existing one is made.
        let made = try exam(out: directory.appendingPathComponent("exams").path)
        #expect(made.errors.isEmpty, "\(made.errors)")
    }

    @Test("the plain exam prints the rules and starts the clock with Enter; the id is case-folded")
    func plainExamCaseFolded() throws {
        let directory = try TemporaryFolder.make("tcptutor-exam")
        let keyFile = directory.appendingPathComponent("exam.key")
        try Data("correct horse battery staple, 2026\n".utf8).write(to: keyFile)
        let arguments = { (student: String) in
            [
                "exam", "--plain", "--lessons", "three-way-handshake", "--questions", "2", "--minutes", "0.5",
                "--student", student, "--key-file", keyFile.path, "--out", directory.path,
            ]
        }
        let log = directory.appendingPathComponent("alice.examlog")
        // Input ends at the start: nothing begins and no log is left.
        let left = try TutorProgram.run(arguments("ALICE"))
        #expect(left.output.contains("Exam for alice: 2 questions in 0.5 minutes"), "\(left.output)")
        #expect(left.output.contains("Press Enter to begin: the clock starts then."))
        #expect(left.output.contains("The exam was not begun"))
        #expect(!FileManager.default.fileExists(atPath: log.path))

        let result = try TutorProgram.run(arguments("ALICE"), input: "\n")
        #expect(result.output.contains("(time left 0:30)") || result.output.contains("(time left 0:29)"))
        #expect(try ExamLogFile.read(log).records.map(\.student) == ["alice"])
        let resumed = try TutorProgram.run(arguments("Alice"))
        #expect(resumed.output.contains("Exam resumed: 0 answers kept."), "\(resumed.output)")
    }
}
