/// Right answers out of asked ones, and points, for one kind of question.
public struct KindTally: Hashable, Sendable, Codable {
    public var asked: Int = 0
    public var correct: Int = 0
    /// Points earned for this kind before hints, out of `possible`.
    public var earned: Int = 0
    public var possible: Int = 0

    public init() {}
}

/// One lesson's quiz results, as progress saves them.
public struct LessonQuizSummary: Hashable, Sendable, Codable {
    public var lessonID: String
    public var questions: Int = 0
    /// Questions with every asked field right.
    public var allCorrect: Int = 0
    /// Points counted (after hints) out of `possible`.
    public var points: Int = 0
    public var possible: Int = 0
    /// Questions on which a hint of each level was the highest taken.
    public var ruleHints: Int = 0
    public var arithmeticHints: Int = 0
    public var byKind: [QuestionKind: KindTally] = [:]
    /// How often each recognised mistake was made: what to practise.
    public var mistakes: [QuizMistake: Int] = [:]

    public init(lessonID: String) {
        self.lessonID = lessonID
    }

    public mutating func record(_ feedback: QuizFeedback) {
        questions += 1
        if feedback.isAllCorrect { allCorrect += 1 }
        points += feedback.score.points
        possible += feedback.score.possible
        switch feedback.score.hint {
        case nil: break
        case .rule: ruleHints += 1
        case .arithmetic: arithmeticHints += 1
        }
        for field in feedback.fields {
            let kind = field.field
            var tally = byKind[kind] ?? KindTally()
            tally.asked += 1
            let value = field.worth
            tally.possible += value
            if field.isCorrect {
                tally.correct += 1
                tally.earned += value
            }
            byKind[kind] = tally
            if let mistake = field.mistake { mistakes[mistake, default: 0] += 1 }
        }
    }
}

/// Quiz results over lessons: per lesson and per kind of question. A value progress can save as JSON.
public struct QuizResults: Hashable, Sendable, Codable {
    public var lessons: [String: LessonQuizSummary] = [:]

    public init() {}

    public mutating func record(_ feedback: QuizFeedback) {
        lessons[feedback.lessonID, default: LessonQuizSummary(lessonID: feedback.lessonID)].record(feedback)
    }

    /// Per kind of question, over every lesson.
    public var byKind: [QuestionKind: KindTally] {
        var total: [QuestionKind: KindTally] = [:]
        for summary in lessons.values {
            for (kind, tally) in summary.byKind {
                var sum = total[kind] ?? KindTally()
                sum.asked += tally.asked
                sum.correct += tally.correct
                sum.earned += tally.earned
                sum.possible += tally.possible
                total[kind] = sum
            }
        }
        return total
    }

    public var points: Int { lessons.values.reduce(0) { $0 + $1.points } }
    public var possible: Int { lessons.values.reduce(0) { $0 + $1.possible } }
}
