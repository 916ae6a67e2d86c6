import ArgumentParser
import ClassServer
import LessonKit

/// `--lesson-folder`, as `tcptutor` takes it: `serve` and `grade` must read the same lessons, or the exams graded
/// would not be the exams sat.
struct LessonFolderOption: ParsableArguments {
    @Option(
        name: .customLong("lesson-folder"),
        help: ArgumentHelp(
            "The folder of .lesson files (default: $TCPTUTOR_LESSONS, ./Lessons or the installed ones).",
            valueName: "folder"))
    var path: String?

    /// The folder the lessons are read from: the one named, or the tutor's own.
    func locate() throws -> String {
        let tutor = try ServerPaths.tutorBesideThisProgram()
        guard let lessons = LessonLibrary.locate(explicit: path, executable: tutor) else {
            throw ExitFailure("no lessons folder found; name one with --lesson-folder FOLDER")
        }
        return lessons
    }
}
