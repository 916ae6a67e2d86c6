import ArgumentParser
import LessonKit
import TutorCurses
import TutorSession
import TutorUI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        commandName: "take",
        abstract: "Take an exam (the default): questions and numbers derived from the key and your student id.",
        discussion: """
            Full screen with a countdown; no hints, no going back, no answers shown. Every answer is written to \
            DIR/ID.examlog at once; if the program stops, run the same command to resume (the clock runs on).
            """)

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
    @Option(help: "The lessons folder (default: ./Lessons or the one next to this program).")
    var lessonFolder: String?
    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }
    @Flag(help: "Numbered lines reading answers from standard input; automatic without a terminal.")
    var plain = false
    @Flag(help: "Draw boxes and lines with ASCII characters.")
    var asciiLines = false

    func run() throws {
        guard let lessons, let questions, let minutes, let student, let keyFile, let out else {
            throw CommandFailure(
                "an exam needs --lessons A,B --questions N --minutes M --student ID --key-file KEY --out DIR")
        }
        guard let folder = LessonLibrary.locate(explicit: lessonFolder) else {
            throw CommandFailure("no lessons folder found; use --lesson-folder DIR")
        }
        let parameters = ExamParameters(
            lessons: lessons.split(separator: ",").map { $0.trimmingWhitespace() },
            questionCount: questions, minutes: minutes)
        let sitting: ExamSitting
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: keyFile))
            sitting = try ExamSitting(
                directory: URL(fileURLWithPath: out), key: key, studentID: student, parameters: parameters,
                lessons: try LessonFolder(paths: [folder]))
        } catch {
            throw CommandFailure("\(error)")
        }
        var session = ExamSession(sitting: sitting, language: language ?? .en)
        if !plain && isatty(0) == 1 && isatty(1) == 1 {
            var app = CursesApp(environment: ProcessInfo.processInfo.environment)
            app.asciiLines = asciiLines
            let ranFullScreen = try FullScreen.run(
                { () throws(TerminalProblem) in try app.run(&session) { _, _ in } },
                finish: {
                    if case .finished = session.phase {
                        ExamText.plainClosing(session).forEach { print($0) }
                    } else {
                        print("The exam is not finished: run the same command to resume (the clock runs on).")
                    }
                })
            if ranFullScreen { return }
        }
        var exam = PlainExam(session: session, readLine: { Swift.readLine() }, write: { print($0) })
        exam.run()
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
            throw CommandFailure("no lessons folder found; use --lesson-folder DIR")
        }
        let report: ExamReport
        do {
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: keyFile))
            let grader = ExamGrader(key: key, lessons: try LessonFolder(paths: [folder]))
            report = try grader.grade(directories: directories.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure("\(error)")
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
            throw CommandFailure("cannot write \(path): \(fileErrorText(error))")
        }
    }
}
