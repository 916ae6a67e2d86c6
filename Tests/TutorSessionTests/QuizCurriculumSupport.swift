import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import TimelineKit
import TutorSession

extension Curriculum {
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
