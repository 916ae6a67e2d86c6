import LessonKit
import TCPCore
import TimelineKit

/// The verdict on one answered field, with the right value and why it is right.
public struct FieldFeedback: Hashable, Sendable {
    public var field: QuizField
    /// Nil when the field was left unanswered.
    public var given: String?
    /// The engine's value, as the learner should have typed it.
    public var expected: String
    public var isCorrect: Bool
    /// Points a right answer to this field is worth.
    public var worth: Int
    /// The common mistake recognised in a wrong answer, if any.
    public var mistake: QuizMistake?
    /// The pointed explanation of that mistake.
    public var note: LocalizedText?
    /// Why the engine's value is right: the arithmetic and the rule, from the engine's own reason.
    public var why: LocalizedText
    /// The engine's rule behind the value.
    public var rule: Rule?

    /// The RFC 9293 section of the rule (`§3.10.7.2`).
    public var section: String? { rule?.section }

    /// The learner's answer as shown in `language`, nil when blank: an ack left out reads `none`, 无 in Chinese.
    public func given(in language: Language) -> String? { given.map { shown($0, language) } }

    /// The engine's value as shown in `language`: an absent ack number reads `none`, 无 in Chinese.
    public func expected(in language: Language) -> String { shown(expected, language) }

    private func shown(_ value: String, _ language: Language) -> String {
        field == .ack && value == AckAnswer.absentWord.en ? AckAnswer.absentWord.text(language) : value
    }
}

/// The feedback on one answered question: a verdict per asked field, and the score.
public struct QuizFeedback: Hashable, Sendable {
    public var lessonID: String
    public var frameIndex: Int
    public var line: Int
    public var fields: [FieldFeedback]
    public var score: QuestionScore

    /// Whether every asked field is right.
    public var isAllCorrect: Bool { fields.allSatisfy(\.isCorrect) }

    public func feedback(for field: QuizField) -> FieldFeedback? {
        fields.first { $0.field == field }
    }
}
