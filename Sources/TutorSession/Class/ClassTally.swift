import LessonKit
import TCPCore
import TimelineKit

/// A class's answers to one question, as the instructor shows them once the question is closed: for each field
/// asked, how many students gave each value, which value the engine sent, and the most common wrong value with
/// the rule it breaks. Every answer is graded by `QuizGrader`, as a student's own answer is, so the tally and each
/// student's feedback never disagree.
public struct ClassTally: Hashable, Sendable {
    /// One value given for a field and how many gave it.
    public struct Bar: Hashable, Sendable {
        /// The value as the grader shows it (`S.`, `1739326486`, `none`).
        public var value: String
        public var count: Int
        public var isCorrect: Bool
    }

    /// The wrong value most students gave for a field, and why it is wrong.
    public struct CommonMistake: Hashable, Sendable {
        public var field: QuizField
        public var value: String
        public var count: Int
        /// The pointed note on that mistake when the grader recognises it, otherwise why the right value is right.
        public var explanation: LocalizedText
        /// The engine's rule the right value comes from, with its RFC 9293 section.
        public var rule: Rule?
    }

    /// The values given for one field, most given first.
    public struct FieldTally: Hashable, Sendable {
        public var field: QuizField
        /// The engine's value, as a student should have typed it.
        public var expected: String
        public var bars: [Bar]
        /// Students who answered the question but left this field blank.
        public var blank: Int

        /// How many gave the engine's value.
        public var correct: Int { bars.first(where: \.isCorrect)?.count ?? 0 }
    }

    /// Students who sent an answer.
    public let answered: Int
    /// Students in the class when the tally was made (connected, or following).
    public let students: Int
    public let fields: [FieldTally]
    /// The most common wrong value over all fields; nil when nobody was wrong.
    public let commonMistake: CommonMistake?

    /// Tallies `answers` (one per student) to `question`; `students` counts the class, answered or not.
    public init(question: QuizQuestion, answers: [QuizAnswer], students: Int) {
        let graded = answers.map { QuizGrader.grade(question, $0) }
        answered = answers.count
        self.students = max(students, answers.count)
        var mistakes: [CommonMistake] = []
        fields = question.fields.map { field in
            let given = graded.compactMap { $0.feedback(for: field) }
            var counts: [String: (count: Int, feedback: FieldFeedback)] = [:]
            var blank = 0
            for feedback in given {
                guard let value = feedback.given else {
                    blank += 1
                    continue
                }
                counts[value, default: (0, feedback)].count += 1
            }
            let bars = counts.map { Bar(value: $0.key, count: $0.value.count, isCorrect: $0.value.feedback.isCorrect) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
            if let wrong = bars.first(where: { !$0.isCorrect }), let feedback = counts[wrong.value]?.feedback {
                mistakes.append(
                    CommonMistake(
                        field: field, value: wrong.value, count: wrong.count,
                        explanation: feedback.note ?? feedback.why,
                        rule: feedback.rule))
            }
            return FieldTally(
                field: field, expected: QuizGrader.expectedText(field, question), bars: bars, blank: blank)
        }
        // The most given wrong value; on a tie, the field asked first.
        commonMistake =
            mistakes.enumerated().max { ($0.element.count, $1.offset) < ($1.element.count, $0.offset) }?
            .element
    }
}
