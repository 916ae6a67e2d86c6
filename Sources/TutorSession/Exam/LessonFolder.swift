import LessonKit
import TCPCore
import TimelineKit

/// Lessons loaded from `.lesson` files and run on the engine: the exam's source of questions and answers.
public struct LessonFolder: ExamLessonSource {
    /// Parsed lessons by id.
    public let lessons: [String: Lesson]

    /// Loads every lesson in `paths` (files, or folders searched for `.lesson` files).
    public init(paths: [String]) throws(ExamError) {
        var lessons: [String: Lesson] = [:]
        do {
            for file in try LessonLibrary.lessonFiles(in: paths) {
                let lesson = try LessonLibrary.load(file)
                lessons[lesson.id] = lesson
            }
        } catch {
            throw ExamError.lesson(error.description)
        }
        self.lessons = lessons
    }

    public init(lessons: [Lesson]) {
        self.lessons = Dictionary(lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func lesson(_ id: String) throws(ExamError) -> Lesson {
        guard let lesson = lessons[id] else {
            let known = lessons.keys.sorted().joined(separator: ", ")
            throw ExamError.lesson("no lesson with id '\(id)' (known: \(known))")
        }
        return lesson
    }

    public func quizLines(lessonID: String) throws -> [Int] {
        try lesson(lessonID).steps.compactMap { $0.quiz?.line }
    }

    /// The lesson run with fresh ISNs from `draw`; a run the engine disagrees with is refused rather than asked.
    public func timeline(lessonID: String, draw: FreshDraw) throws -> Timeline {
        let run = LessonRunner.run(try lesson(lessonID), fresh: draw)
        if let problem = run.diagnostics.first {
            throw ExamError.lesson("\(lessonID) does not run cleanly with these ISNs: \(problem)")
        }
        return run.timeline
    }
}
