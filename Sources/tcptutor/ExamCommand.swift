import ArgumentParser
import CommandOptions
import LessonKit
import TimelineKit
import TutorClassLink
import TutorCurses
import TutorSession
import TutorStorage
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
        discussion: """
            The key file is the instructor's secret: any file of at least 16 bytes. Every student's questions \
            and numbers are derived from it and their student id, so the same key is needed to take the exam \
            and to grade it. Make one with:

              head -c 32 /dev/urandom > exam.key

            A proctor's walkthrough:
              1. Make a key (above) and copy it to the machines the students use.
              2. On each machine, the student runs (with their own id):
                   tcptutor exam --lessons three-way-handshake,four-way-teardown \\
                     --questions 8 --minutes 20 --student ID --key-file exam.key \\
                     --out exams
                 and presses Enter on the start screen: the clock starts then.
                 If the program stops, the same command resumes the exam.
              3. Collect each exams/ID.examlog (one folder, or one per machine).
              4. Grade: tcptutor exam grade --key-file exam.key exams > grades.csv

            What a local exam log can be trusted for: it detects accidents (a crash, a half-written line, a \
            log copied under another name) and casual edits (a changed answer breaks its hash chain). It does \
            not stop a determined student: the student holds the key and the log on their machine, so they can \
            see every exam's answers with the engine and write a log that verifies. Exams that count belong on \
            the class server, which keeps the key and the answers: tcptutor class serve --exam (see the README).
            """,
        subcommands: [ExamTakeCommand.self, ExamGradeCommand.self],
        defaultSubcommand: ExamTakeCommand.self)
}

/// `tcptutor exam --lessons … --questions N --minutes M --student ID --key-file KEY --out DIR`.
struct ExamTakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Take an exam: questions and numbers derived from the key and your student id.",
        discussion: """
            Full screen with a countdown; no hints, no going back, no answers shown. The start screen shows the \
            rules; the clock starts when the student presses Enter (--plain waits for Enter too). Every answer is written to DIR/ID.examlog \
            at once; if the program stops, run the same command to resume (the clock runs on). When the time \
            runs out, an answer typed but not submitted is submitted as it stands. Student ids are not case \
            sensitive: ALICE and alice are the same student, with the same exam and log. See 'tcptutor exam \
            --help' for the key file and what an exam log can be trusted for.
            """)

    @Option(help: ArgumentHelp("The lessons to draw questions from: lesson ids, comma-separated.", valueName: "ids"))
    var lessons: String
    @Option(help: ArgumentHelp("Number of questions.", valueName: "n"))
    var questions: Int
    @Option(help: "Time allowed, in minutes; decimals are allowed (0.5 is 30 seconds, for a trial run).")
    var minutes: Double
    @Option(help: ArgumentHelp("Your student id.", valueName: "id"))
    var student: String
    @Option(help: ArgumentHelp("The exam key file from the instructor.", valueName: "file"))
    var keyFile: String
    @Option(
        help: ArgumentHelp(
            "Folder for the exam log (created if it is not there; its parent folder must exist). Not used when the "
                + "class server started the exam: it keeps the answers.", valueName: "folder"))
    var out: String?
    @OptionGroup var lessonFolder: LessonFolderOption
    @OptionGroup var languageOption: LanguageOption
    var language: Language? { languageOption.language }
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let folder = try lessonFolder.locate()
        let parameters = ExamParameters(
            lessons: lessons.split(separator: ",").map { $0.trimmingWhitespace() },
            questionCount: questions, minutes: minutes)
        let environment = ProcessInfo.processInfo.environment
        let opened: (sitting: ExamSitting, perform: (Effect) -> Message?, log: ExamLogFile?)
        var onServer = false
        // The language the student's SSH session asked for (LANG), on the class server, as the menu takes it.
        var sessionLanguage: Language?
        do {
            // Settings and key first: a mistyped command makes no folder.
            try parameters.validate()
            try StudentID.validate(student)
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: keyFile))
            let lessons = try LessonFolder(paths: [folder])
            if let classLink = try ClassLinkStart.connect(environment: environment) {
                onServer = true
                sessionLanguage = classLink.language
                opened = try Self.openOnServer(
                    classLink, key: key, student: student, parameters: parameters, lessons: lessons)
            } else {
                guard let out else { throw CommandFailure("--out is required: the folder for the exam log") }
                try ExamOutFolder.prepare(out)
                let local = try ExamLogFile.openSitting(
                    directory: URL(fileURLWithPath: out), key: key, studentID: student, parameters: parameters,
                    lessons: lessons, now: WallClock.now())
                opened = (local.sitting, StorageEffects(examLog: local.log).perform, local.log)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
        // A student who leaves at the start screen leaves no empty log to be collected.
        defer { opened.log?.discardIfEmpty() }
        var session = ExamSession(
            sitting: opened.sitting, language: language ?? sessionLanguage ?? .en, now: WallClock.now())
        if !screen.plain && isatty(0) == 1 && isatty(1) == 1 {
            var runtime = TerminalRuntime(environment: environment)
            runtime.asciiLines = screen.asciiLines
            runtime.perform = opened.perform
            var ending = TerminalRuntime.Ending.quit
            let ranFullScreen = try FullScreen.run(
                { () throws(TerminalProblem) in
                    ending = try runtime.run(&session)
                    return ending
                },
                finish: {
                    if case .finished = session.phase {
                        ExamText.plainClosing(session).forEach { print($0) }
                    } else if onServer {
                        // SIGTERM from the class server: the class is ending (ClassServer.drain).
                        ExamText.leavingTheServer(session, classEnding: ending == .signal(SIGTERM)).forEach {
                            print($0)
                        }
                    } else if session.phase == .ready {
                        print("The exam was not begun: nothing was saved and the clock did not start.")
                    } else {
                        print("The exam is not finished: run the same command to resume (the clock runs on).")
                    }
                })
            if ranFullScreen { return }
        }
        guard onServer else {
            var exam = PlainExam(
                session: session, readLine: { Swift.readLine() }, write: { print($0) }, now: WallClock.now,
                perform: opened.perform)
            return exam.run()
        }
        // On the class server the plain exam waits for lines and for the server's SIGTERM (the class ending)
        // alike: the student is told their answers are kept, and the tutor ends of that signal, as asked.
        ExitSignals.install()
        var lines = SignalAwareLines()
        var exam = PlainExam(
            session: session, readLine: { lines.next() }, write: { print($0) }, now: WallClock.now,
            perform: opened.perform)
        exam.leaving = { ExamText.leavingTheServer($0, classEnding: ExitSignals.received == SIGTERM) }
        exam.run()
        fflush(nil)
        ExitSignals.dieOfReceived()
    }

    /// The sitting when the class server started the exam: derived from the key and the id as everywhere, with
    /// the answers the server kept; every answer goes to the server and is given once it is committed there.
    static func openOnServer(
        _ classLink: ClassLinkStart, key: ExamKey, student: String, parameters: ExamParameters,
        lessons: LessonFolder
    ) throws -> (sitting: ExamSitting, perform: (Effect) -> Message?, log: ExamLogFile?) {
        let server = "the class server"
        let derived = try ExamSitting(
            key: key, studentID: student, parameters: parameters, lessons: lessons, records: [], logName: server)
        let sitting = try ExamSitting(
            key: key, studentID: student, parameters: parameters, lessons: lessons,
            records: classLink.examRecords(parameters: parameters, fingerprint: derived.blueprint.fingerprint),
            logName: server)
        return (sitting, ClassLinkEffects(link: classLink.link).perform, nil)
    }
}

/// `tcptutor exam grade --key-file KEY DIR...`: regenerates every student's exam and grades their log.
struct ExamGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade exam logs: one CSV row per student, one column per question, and a summary.",
        discussion: """
            Every student's exam is regenerated from the key and their id and their logged answers are graded \
            by the engine; scores are never read from the logs. The status column says: ok (every question \
            answered), time up (the time ran out first; unanswered questions count 0), incomplete (the student \
            left before the end), not started (an empty log), broken. A log whose hash chain is broken, that \
            belongs to another student or was not written for the regenerated exam is broken, and so are two \
            different logs of one student (ids are not case sensitive; an identical copy counts once). A \
            broken log's points and total are left empty, and the command exits with status 1 after writing \
            the CSVs. The summary has three groups of rows, named in its first column: per question number, \
            per quiz point and per lesson. A local log detects accidents and casual edits, not a determined \
            student: see 'tcptutor exam --help'.
            """)

    @Option(help: ArgumentHelp("The instructor's exam key file.", valueName: "file"))
    var keyFile: String

    @OptionGroup var lessonFolder: LessonFolderOption

    @Option(help: ArgumentHelp("Write the grades CSV here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the summary CSV here (default: standard error).", valueName: "file"))
    var summary: String?

    @Option(
        help: ArgumentHelp(
            "The exam's number of questions: the CSV's q1…qN columns even when no log can be read.", valueName: "n"))
    var questions: Int?

    @Argument(help: ArgumentHelp("Folders holding the students' .examlog files.", valueName: "folder"))
    var directories: [String]

    func validate() throws {
        if let questions, !(1...200).contains(questions) {
            throw ValidationError("--questions must be between 1 and 200")
        }
    }

    func run() throws {
        let folder = try lessonFolder.locate()
        let report: ExamReport
        do {
            let key = try ExamKey(contentsOf: URL(fileURLWithPath: keyFile))
            let grader = ExamGrader(key: key, lessons: try LessonFolder(paths: [folder]))
            report = try grader.grade(
                directories: directories.map { URL(fileURLWithPath: $0) }, expectedQuestions: questions ?? 0)
        } catch {
            throw CommandFailure("\(error)")
        }
        if report.students.isEmpty { printError("no .examlog files in \(directories.joined(separator: ", "))") }
        for student in report.students {
            for issue in student.issues { printError("\(student.student): \(issue.severity.rawValue): \(issue.text)") }
        }
        try write(report.csv, to: output, orElse: { print($0, terminator: "") })
        try write(report.summaryCSV, to: summary, orElse: { printError($0) })
        let broken = report.broken
        if !broken.isEmpty {
            throw CommandFailure(
                "\(broken.count) of \(report.students.count) logs are broken (\(broken.map(\.student).joined(separator: ", "))): "
                    + "their points are not counted; see the issues above")
        }
    }

    private func write(_ text: String, to path: String?, orElse fallback: (String) -> Void) throws {
        guard let path else { return fallback(text) }
        try ExamOutFolder.checkFileTarget(path)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(path): \(fileErrorText(error))")
        }
    }
}
