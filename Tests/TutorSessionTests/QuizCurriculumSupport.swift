import Foundation
import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The real lessons in `Lessons/`, parsed and run by the lesson runner on the engine.
enum Curriculum {
    static let folder: LessonFolder = {
        guard let path = LessonLibrary.locate() else { fatalError("the Lessons folder is not found") }
        return try! LessonFolder(paths: [path])
    }()

    /// Every lesson's timeline with its declared ISNs, by lesson id, in file order.
    static let timelines: [Timeline] = folder.lessons.values.sorted { $0.file < $1.file }.map {
        LessonRunner.run($0).timeline
    }

    static func timeline(_ id: String, isn: [HostID: SequenceNumber] = [:]) throws -> Timeline {
        guard let lesson = folder.lessons[id] else { throw FixtureLessons.FixtureError(text: "no lesson '\(id)'") }
        let run = LessonRunner.run(lesson, isn: isn)
        if let problem = run.diagnostics.first { throw FixtureLessons.FixtureError(text: problem.description) }
        return run.timeline
    }

    /// The first segment frame matching `predicate`.
    static func frame(_ timeline: Timeline, where predicate: (WireEvent) -> Bool) -> Int? {
        timeline.frames.first { $0.wire.map(predicate) ?? false }?.index
    }

    /// The engine's answer to every field of a question, as a careful student types it.
    static func rightAnswer(_ question: QuizQuestion) -> [QuizField: String] {
        var everything = question
        everything.fields = QuizField.allCases
        return ExamFixtures.rightAnswer(everything)
    }
}
