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
            guard let folder = LessonLibrary.locate() else {
                throw CommandFailure("no Lessons folder found; name one")
            }
            paths = [folder]
        }
        let (lessons, diagnostics) = LessonLibrary.check(paths)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let lessonWord = lessons.count == 1 ? "lesson" : "lessons"
        let problemWord = diagnostics.count == 1 ? "problem" : "problems"
        print("\(lessons.count) \(lessonWord) checked, \(diagnostics.count) \(problemWord)")
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }
}
