import LessonKit
import TimelineKit

/// The kinds of question a quiz keeps score by: the fields a quiz point asks, each a kind of its own.
public typealias QuestionKind = QuizField

/// The two hint levels, each costing points.
public enum HintLevel: Int, Hashable, Sendable, Codable, Comparable, CaseIterable {
    /// Which rule applies (its title and RFC section).
    case rule = 1
    /// The arithmetic: the numbers to add, without the sum.
    case arithmetic = 2

    public static func < (lhs: HintLevel, rhs: HintLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Points per kind of field and what hints cost.
public struct ScoringModel: Hashable, Sendable, Codable {
    /// Points for a right answer, per kind of field.
    public var points: [QuestionKind: Int]
    /// Points taken off a question for the rule hint.
    public var ruleHintCost: Int
    /// Further points taken off for the arithmetic hint (on top of the rule hint's cost).
    public var arithmeticHintCost: Int

    public init(points: [QuestionKind: Int], ruleHintCost: Int, arithmeticHintCost: Int) {
        self.points = points
        self.ruleHintCost = ruleHintCost
        self.arithmeticHintCost = arithmeticHintCost
    }

    /// Numbers are worth more than naming the sender: they are where the arithmetic is.
    public static let standard = ScoringModel(
        points: [.sender: 1, .flags: 2, .seq: 2, .ack: 2, .len: 1, .state: 2, .time: 2], ruleHintCost: 1,
        arithmeticHintCost: 1)

    public func points(for field: QuizField) -> Int { points[field] ?? 1 }

    /// What the hints taken cost in all.
    public func hintCost(_ level: HintLevel?) -> Int {
        switch level {
        case nil: 0
        case .rule: ruleHintCost
        case .arithmetic: ruleHintCost + arithmeticHintCost
        }
    }

    /// The score of a question from its fields' verdicts and the hints taken.
    public func score(_ fields: [FieldFeedback], hint: HintLevel?) -> QuestionScore {
        let possible = fields.reduce(0) { $0 + $1.worth }
        let earned = fields.filter(\.isCorrect).reduce(0) { $0 + $1.worth }
        return QuestionScore(
            earned: earned, possible: possible, hint: hint, points: max(0, earned - hintCost(hint)))
    }
}

/// The points of one question.
public struct QuestionScore: Hashable, Sendable, Codable {
    /// Points of the right fields, before hints.
    public var earned: Int
    /// Points of all asked fields.
    public var possible: Int
    /// The highest hint level taken.
    public var hint: HintLevel?
    /// What counts: `earned` less the hints' cost, never below zero.
    public var points: Int
}
