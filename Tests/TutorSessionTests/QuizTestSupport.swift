import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

/// Grades typed answers on one frame, asking exactly the fields typed.
func grade(
    _ timeline: Timeline, _ frame: Int, _ typed: [QuizField: String], hint: HintLevel? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> QuizFeedback {
    let fields = QuizField.allCases.filter { typed[$0] != nil }
    let question = try #require(
        QuizQuestion(timeline: timeline, frameIndex: frame, fields: fields), sourceLocation: sourceLocation)
    let answer = try AnswerParser.answer(typed, hosts: timeline.hosts.dictionary)
    return QuizGrader.grade(question, answer, hint: hint)
}

/// Grades one field and checks the verdict, the mistake recognised and that the note names it.
func expectMistake(
    _ timeline: Timeline, _ frame: Int, _ field: QuizField, _ typed: String, _ mistake: QuizMistake?,
    note: String? = nil, why: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let feedback = try grade(timeline, frame, [field: typed], sourceLocation: sourceLocation)
    let result = try #require(feedback.feedback(for: field), sourceLocation: sourceLocation)
    #expect(!result.isCorrect, "\(field) '\(typed)' should be wrong", sourceLocation: sourceLocation)
    #expect(result.mistake == mistake, "\(field) '\(typed)'", sourceLocation: sourceLocation)
    if mistake != nil {
        let text = try #require(result.note, sourceLocation: sourceLocation)
        #expect(!text.en.isEmpty && !text.zh.isEmpty, sourceLocation: sourceLocation)
        if let note { #expect(text.en.contains(note), "\(text.en)", sourceLocation: sourceLocation) }
    }
    if let why { #expect(result.why.en.contains(why), "\(result.why.en)", sourceLocation: sourceLocation) }
}
