import ArgumentParser
import LessonKit

/// `tcptutor check [PATH...]`: proves lessons against the engine.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prove lessons against the engine; print file:line:column: message for each problem.")

    @Argument(help: "Lesson files or folders (default: the lessons folder).")
    var paths: [String] = []

    func run() throws {
        var paths = self.paths
        if paths.isEmpty {
            guard let folder = LessonLibrary.locate(executable: CommandLine.arguments[0]) else {
                throw CommandFailure("no Lessons folder found; name one")
            }
            paths = [folder]
        }
        let (lessons, diagnostics) = LessonLibrary.check(paths)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let problems = diagnostics.count { !$0.isWarning }
        let warnings = diagnostics.count - problems
        let lessonWord = lessons.count == 1 ? "lesson" : "lessons"
        let problemWord = problems == 1 ? "problem" : "problems"
        var summary = "\(lessons.count) \(lessonWord) checked, \(problems) \(problemWord)"
        if warnings > 0 { summary += ", \(warnings) warning" + (warnings == 1 ? "" : "s") }
        print(summary)
        // Warnings do not fail the check: the lesson runs and teaches; they say what to improve.
        if problems > 0 { throw ExitCode(1) }
    }
}
