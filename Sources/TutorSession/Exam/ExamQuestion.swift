import LessonKit
import TCPCore
import TimelineKit

/// Where exams get their lessons: the quiz points of a lesson, and the lesson run with given ISNs.
/// The command line implements it with the lesson parser and runner; the answers always come from the engine.
public protocol ExamLessonSource: Sendable {
    /// The lines of the lesson's quiz directives.
    func quizLines(lessonID: String) throws -> [Int]
    /// The lesson run on the engine with fresh ISNs from this draw, drawn as the lesson's `fresh:` header says.
    func timeline(lessonID: String, draw: FreshDraw) throws -> Timeline
}

extension ExamLessonSource {
    /// Every quiz point of the lessons.
    public func pool(_ lessons: [String]) throws(ExamError) -> [QuizPointRef] {
        var pool: [QuizPointRef] = []
        for lesson in lessons {
            do {
                pool += try quizLines(lessonID: lesson).map { QuizPointRef(lessonID: lesson, line: $0) }
            } catch {
                throw ExamError.lesson("\(lesson): \(error)")
            }
        }
        return pool
    }
}

/// An exam question ready to ask: the plan and the question the engine computed for its ISNs.
public struct ExamQuestion: Hashable, Sendable {
    public var plan: ExamQuestionPlan
    public var quiz: QuizQuestion
    /// The hosts' addresses, for reading a sender typed as an address.
    public var hosts: [HostID: HostAddress]
    /// The lesson run with the plan's ISNs: the picture shown with the question.
    public var timeline: Timeline

    /// Runs the plan's lesson with its ISNs and takes the quiz point's question from the timeline.
    public init(plan: ExamQuestionPlan, lessons: some ExamLessonSource) throws(ExamError) {
        let timeline: Timeline
        do {
            timeline = try lessons.timeline(lessonID: plan.point.lessonID, draw: plan.draw)
        } catch {
            throw ExamError.lesson("\(plan.point.lessonID) with the draw A \(plan.isnA), B \(plan.isnB): \(error)")
        }
        guard let frame = timeline.frames.first(where: { $0.quiz?.line == plan.point.line }),
            let quiz = frame.quiz,
            let question = QuizQuestion(
                timeline: timeline, frameIndex: frame.index, fields: quiz.fields, line: quiz.line)
        else {
            throw ExamError.lesson("\(plan.point.id) is not a quiz point on a segment")
        }
        self.plan = plan
        self.quiz = question
        self.hosts = timeline.hosts.dictionary
        self.timeline = timeline
    }

    /// Every question of a blueprint.
    public static func all(
        _ blueprint: ExamBlueprint, lessons: some ExamLessonSource
    ) throws(ExamError) -> [ExamQuestion] {
        var questions: [ExamQuestion] = []
        for plan in blueprint.questions { questions.append(try ExamQuestion(plan: plan, lessons: lessons)) }
        return questions
    }

    /// Grades typed answers; an unreadable field counts as unanswered (wrong) rather than failing the exam.
    public func grade(_ typed: [QuizField: String], scoring: ScoringModel = .standard) -> QuizFeedback {
        var answer = QuizAnswer()
        for (field, text) in typed {
            if let parsed = try? AnswerParser.answer([field: text], hosts: hosts) {
                merge(parsed, field, into: &answer)
            }
        }
        return QuizGrader.grade(quiz, answer, scoring: scoring)
    }

    private func merge(_ parsed: QuizAnswer, _ field: QuizField, into answer: inout QuizAnswer) {
        switch field {
        case .sender: answer.sender = parsed.sender
        case .flags: answer.flags = parsed.flags
        case .seq: answer.seq = parsed.seq
        case .ack: answer.ack = parsed.ack
        case .len: answer.len = parsed.len
        case .state: answer.state = parsed.state
        case .time: answer.time = parsed.time
        }
    }
}
