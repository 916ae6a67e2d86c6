import ArgumentParser
import ClassServer
import CommandOptions
import LessonKit

extension LessonFolderOption {
    /// The folder the lessons are read from: the one named, or the tutor's own.
    func locate() throws -> String {
        let tutor = try ServerPaths.tutorBesideThisProgram()
        guard let lessons = LessonLibrary.locate(explicit: path, executable: tutor) else {
            throw ExitFailure("no lessons folder found; name one with --lesson-folder FOLDER")
        }
        return lessons
    }
}
