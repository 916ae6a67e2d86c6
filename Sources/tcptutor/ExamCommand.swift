import ArgumentParser
import Foundation
import LessonKit
import TutorSession

/// `tcptutor exam`: take an exam, or grade the logs of a class.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Take an exam derived from a key and your student id, or grade a class's exam logs.",
        subcommands: [ExamTakeCommand.self, ExamGradeCommand.self],
        defaultSubcommand: ExamTakeCommand.self)
}

/// `tcptutor exam --lessons … --questions N --minutes M --student ID --key-file KEY --out DIR`.
struct ExamTakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "Take an exam (needs the full-screen tutor; not available yet).")

    @Option(help: "Lesson ids to draw questions from, comma-separated.")
    var lessons: String?
    @Option(help: "Number of questions.")
    var questions: Int?
    @Option(help: "Time allowed, in minutes.")
    var minutes: Int?
    @Option(help: "Your student id.")
    var student: String?
    @Option(help: "The exam key file from the instructor.")
    var keyFile: String?
    @Option(help: "Folder for the exam log.")
    var out: String?

    func run() throws {
        throw ValidationError("taking an exam needs the full-screen tutor, which is not available yet")
    }
}

/// `tcptutor exam grade --key-file KEY DIR...`: regenerates every student's exam and grades their log.
struct ExamGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade exam logs: one CSV row per student, one column per question, and a per-question summary.",
        discussion: """
            Every student's exam is regenerated from the key and their id and their logged answers are graded \
            by the engine; scores are never read from the logs. Logs whose hash chain is broken, that belong \
            to another student or were not written for the regenerated exam are marked 'broken'.
            """)

    @Option(help: "The instructor's exam key file.")
    var keyFile: String

    @Option(help: "The lessons folder (default: ./Lessons or the one next to this program).")
    var lessonFolder: String?

    @Option(help: "Write the grades CSV here instead of standard output.")
    var output: String?

    @Option(help: "Write the per-question summary CSV here (default: standard error).")
    var summary: String?

    @Argument(help: "Folders holding the students' .examlog files.")
    var directories: [String]

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("name at least one folder of exam logs") }
    }

    func run() throws {
        guard let folder = LessonLibrary.locate(explicit: lessonFolder) else {
            throw ValidationError("no lessons folder found; use --lesson-folder DIR")
        }
        let report: ExamReport
        do {
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: keyFile))
            let grader = ExamGrader(key: key, lessons: try LessonFolder(paths: [folder]))
            report = try grader.grade(directories: directories.map { URL(fileURLWithPath: $0) })
        } catch {
            throw ValidationError("\(error)")
        }
        if report.students.isEmpty { printError("no .examlog files in \(directories.joined(separator: ", "))") }
        for student in report.students {
            for issue in student.issues { printError("\(student.student): \(issue.severity.rawValue): \(issue.text)") }
        }
        try write(report.csv, to: output, orElse: { print($0, terminator: "") })
        try write(report.summaryCSV, to: summary, orElse: { printError($0) })
    }

    private func write(_ text: String, to path: String?, orElse fallback: (String) -> Void) throws {
        guard let path else { return fallback(text) }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
