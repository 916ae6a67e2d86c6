import Foundation
import LessonKit
import TutorSession

/// Finds the lesson files and turns each into a menu entry: the engine's timeline, or why there is none.
enum LessonCatalog {
    struct Loaded {
        var entries: [LessonEntry]
        var notice: LocalizedText?
    }

    /// The lessons in `folder` (or wherever `LessonLibrary` finds them), in file-name order; the built-in
    /// examples when there are none, so that the screen can still be tried.
    static func load(folder: String?) -> Loaded {
        if let path = LessonLibrary.locate(explicit: folder), let files = try? LessonLibrary.lessonFiles(in: [path]),
            !files.isEmpty
        {
            return Loaded(entries: files.map(entry), notice: nil)
        }
        return Loaded(
            entries: [
                LessonEntry(fileName: "handshake", content: .success(SampleLessons.handshake)),
                LessonEntry(fileName: "refused", content: .success(SampleLessons.refused)),
            ],
            notice: LocalizedText(
                en: "No lesson files were found; these are the built-in examples.", zh: "没有找到课程文件；以下是内置示例。"))
    }

    private static func entry(_ file: String) -> LessonEntry {
        let name = URL(fileURLWithPath: file).lastPathComponent
        do {
            let run = LessonRunner.run(try LessonLibrary.load(file))
            if let problem = run.diagnostics.first {
                return LessonEntry(fileName: name, content: .failure(LessonProblem(message: problem.description)))
            }
            return LessonEntry(fileName: name, content: .success(run.timeline))
        } catch {
            let message = error.diagnostics.first?.description ?? "\(file): cannot be loaded"
            return LessonEntry(fileName: name, content: .failure(LessonProblem(message: message)))
        }
    }
}
