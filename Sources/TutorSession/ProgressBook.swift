import LessonKit

/// Quiz results for one lesson: how many questions were asked and how many answered right.
public struct QuizScore: Hashable, Sendable, Codable {
    public var correct: Int
    public var asked: Int

    public init(correct: Int, asked: Int) {
        self.correct = correct
        self.asked = asked
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
    /// Quiz results, once the lesson has asked questions.
    public var score: QuizScore?

    public init(step: Int, stepCount: Int, completed: Bool = false, score: QuizScore? = nil) {
        self.step = step
        self.stepCount = stepCount
        self.completed = completed
        self.score = score
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

    /// Saves a lesson's quiz results: the score the menu shows and the details by kind of question.
    public mutating func recordQuiz(_ summary: LessonQuizSummary, stepCount: Int) {
        var entry = lessons[summary.lessonID] ?? LessonProgress(step: 0, stepCount: stepCount)
        entry.score = QuizScore(correct: summary.allCorrect, asked: summary.questions)
        lessons[summary.lessonID] = entry
        var results = quiz ?? QuizResults()
        results.lessons[summary.lessonID] = summary
        quiz = results
    }
}
