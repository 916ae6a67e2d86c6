import Foundation
import LessonKit
import Testing

@testable import TutorSession

/// `tcptutor exam grade` as an instructor runs it: the built program over a folder of real logs.
@Suite("Command line: exam grade")
struct ExamCommandTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("tcptutor")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("grades a class: CSV on standard output, summary to a file, broken logs named on standard error")
    func grade() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no binary at \(Self.binary.path)")
        let directory = ExamFixtures.directory()
        let keyFile = directory.appendingPathComponent("exam.key")
        try Data("correct horse battery staple, 2026\n".utf8).write(to: keyFile)
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let parameters = ExamParameters(
            lessons: ["three-way-handshake", "four-way-teardown"], questionCount: 4, minutes: 15)
        for student in ["li.wei", "maria"] {
            let exam = try ExamSitting(
                directory: logs, key: ExamFixtures.key, studentID: student, parameters: parameters,
                lessons: Curriculum.folder)
            while let question = exam.currentQuestion {
                var typed = ExamFixtures.rightAnswer(question.quiz)
                if student == "maria" { typed[.flags] = "." }
                _ = try exam.submit(typed)
            }
        }
        try FileManager.default.copyItem(
            at: logs.appendingPathComponent("maria.examlog"), to: logs.appendingPathComponent("mallory.examlog"))
        let summary = directory.appendingPathComponent("summary.csv")

        let result = try Self.run([
            "exam", "grade", "--key-file", keyFile.path, "--summary", summary.path, logs.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
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
        #expect(summaryText.hasPrefix("question,asked,answered,all_right,mean_points,max_points,"))
        #expect(summaryText.contains("\nq4,2,2,"))

        let noKey = try Self.run([
            "exam", "grade", "--key-file", directory.appendingPathComponent("none").path, logs.path,
        ])
        #expect(noKey.status != 0 && noKey.errors.contains("cannot read the key file"))
    }
}
