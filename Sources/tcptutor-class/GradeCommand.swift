import ArgumentParser
import ClassServer
import ClassStore
import CommandOptions
import Foundation
import LessonKit
import TutorSession
import TutorStorage

/// `tcptutor class grade --data DIR`: every exam sat on the server, regenerated from the key and the student's id
/// and graded by the engine, as `tcptutor exam grade` grades log files.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade the exam sat on this class server: one CSV row per student, one column per question.",
        discussion: """
            Reads DIR/class.sqlite and DIR/exam.key. Every student's exam is regenerated from the key and their \
            id, and their committed answers are graded by the engine; scores are never read from the store. The \
            CSV is the one 'tcptutor exam grade' writes (student,status,q1..qN,total,max,minutes,issues); the \
            summary goes to standard error.
            """)

    @Option(help: ArgumentHelp("The class server's folder.", valueName: "dir"))
    var data: String

    @Option(help: ArgumentHelp("Write the grades CSV here instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var lessonFolder: LessonFolderOption

    func run() throws {
        let report: ExamReport
        do {
            guard FileManager.default.fileExists(atPath: data + "/class.sqlite") else {
                throw ExitFailure("\(data) holds no class store (class.sqlite): no exam was sat on a server there")
            }
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: data + "/exam.key"))
            let lessons = try lessonFolder.locate()
            let grader = ExamGrader(key: key, lessons: try LessonFolder(paths: [lessons]))
            let store = try SQLiteClassStore(directory: data)
            let results = try store.sittingsForGrading().map { state in
                grader.grade(
                    log: state.examLog(parameters: try ExamParameters(settingsText: state.sitting.settings)),
                    fileStudent: state.sitting.student)
            }
            let questions = results.map(\.questionCount).max() ?? 0
            report = ExamReport(students: results, expectedQuestions: questions)
        } catch let failure as ExitFailure {
            throw failure
        } catch {
            throw ExitFailure("\(error)")
        }
        if let output {
            do {
                try Data(report.csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ExitFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(report.csv, terminator: "")
        }
        FileHandle.standardError.write(Data(report.summaryCSV.utf8))
        if !report.broken.isEmpty {
            throw ExitFailure(
                "\(report.broken.count) of \(report.students.count) sittings are broken: see the issues column")
        }
    }
}
