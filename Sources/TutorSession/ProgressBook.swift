import LessonKit
import TimelineKit

/// One attempt at a lesson's questions, scored the one way every screen names it: points out of the points
/// possible (a field's worth, less what hints cost), and how many of the attempt's questions were answered.
public struct QuizScore: Hashable, Sendable, Codable {
    public var points: Int
    public var possible: Int
    /// Questions answered in the attempt.
    public var answered: Int
    /// Questions the attempt asks (a lesson's quiz points, or every segment in "predict every segment").
    public var questions: Int

    /// Whether every question of the attempt was answered.
    public var isComplete: Bool { answered >= questions }

    /// Whether this attempt scores better than `other`: a larger share of its possible points.
    func isBetter(than other: QuizScore) -> Bool {
        points * max(other.possible, 1) > other.points * max(possible, 1)
    }

    /// The score as every screen says it: `4 of 6 points`, with the questions when some were left.
    public func text(_ language: Language) -> String {
        switch language {
        case .en:
            "\(points) of \(possible) points" + (isComplete ? "" : ", \(answered) of \(questions) questions")
        case .zh:
            "得分 \(points)/\(possible)" + (isComplete ? "" : "，答了 \(answered)/\(questions) 题")
        }
    }
}

/// Where a student is in one lesson.
public struct LessonProgress: Hashable, Sendable, Codable {
    /// The frame the student last rested on (0-based).
    public var step: Int
    /// Frames in the lesson when it was last opened, so the menu can say "step k of n" without loading it.
    public var stepCount: Int
    /// Whether the student has reached the last step at least once.
    public var completed: Bool
    /// The best complete quiz attempt, or the latest partial one until an attempt is complete: a partial
    /// attempt never replaces a complete one.
    public var score: QuizScore?
    /// The latest attempt, when it is not the one kept in `score`.
    public var latest: QuizScore?

    public init(step: Int, stepCount: Int, completed: Bool = false, score: QuizScore? = nil) {
        self.step = step
        self.stepCount = stepCount
        self.completed = completed
        self.score = score
    }

    /// Reads a saved entry. A score saved before points were the one scoring (`correct`/`asked`) is left out
    /// rather than making the whole file unreadable; `ProgressBook` restores it from the saved quiz details.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        step = try container.decode(Int.self, forKey: .step)
        stepCount = try container.decode(Int.self, forKey: .stepCount)
        completed = try container.decode(Bool.self, forKey: .completed)
        score = try? container.decodeIfPresent(QuizScore.self, forKey: .score)
        latest = try? container.decodeIfPresent(QuizScore.self, forKey: .latest)
    }
}

/// Everything saved between runs: per-lesson progress (by stable lesson id) and the chosen language.
public struct ProgressBook: Hashable, Sendable, Codable {
    /// Format version, so a later format can read (or refuse) an older file knowingly.
    public var version: Int = 1
    /// The language last chosen, as its code (`en`, `zh`).
    public var languageCode: String?
    public var lessons: [String: LessonProgress] = [:]
    /// The latest quiz results per lesson, by kind of question (absent in files from before quizzes).
    public var quiz: QuizResults?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        languageCode = try container.decodeIfPresent(String.self, forKey: .languageCode)
        lessons = try container.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
        quiz = try container.decodeIfPresent(QuizResults.self, forKey: .quiz)
        // A file from before points were the score everywhere: its latest attempt's points are in the details.
        for (id, summary) in quiz?.lessons ?? [:] where lessons[id] != nil && lessons[id]?.score == nil {
            lessons[id]?.score = QuizScore(
                points: summary.points, possible: summary.possible, answered: summary.questions,
                questions: summary.questions)
        }
    }

    /// The language last chosen, if it is one we know.
    public var language: Language? {
        get { languageCode.flatMap(Language.init(rawValue:)) }
        set { languageCode = newValue?.rawValue }
    }

    public subscript(lessonID: String) -> LessonProgress? {
        get { lessons[lessonID] }
        set { lessons[lessonID] = newValue }
    }

    /// Records that the student rests on `step` of a lesson with `stepCount` frames.
    public mutating func record(lessonID: String, step: Int, stepCount: Int) {
        var entry = lessons[lessonID] ?? LessonProgress(step: 0, stepCount: stepCount)
        entry.step = step
        entry.stepCount = stepCount
        if step == stepCount - 1 { entry.completed = true }
        lessons[lessonID] = entry
    }

    /// Saves an attempt's quiz results (`questions` is how many the attempt asks): the score the menu shows, kept
    /// if it is the best complete one, and the details by kind of question.
    public mutating func recordQuiz(_ summary: LessonQuizSummary, questions: Int, stepCount: Int) {
        var entry = lessons[summary.lessonID] ?? LessonProgress(step: 0, stepCount: stepCount)
        let attempt = QuizScore(
            points: summary.points, possible: summary.possible, answered: summary.questions,
            questions: max(questions, summary.questions))
        if let kept = entry.score, kept.isComplete, !(attempt.isComplete && attempt.isBetter(than: kept)) {
            entry.latest = attempt
        } else {
            entry.score = attempt
            entry.latest = nil
        }
        lessons[summary.lessonID] = entry
        var results = quiz ?? QuizResults()
        results.lessons[summary.lessonID] = summary
        quiz = results
    }
}
