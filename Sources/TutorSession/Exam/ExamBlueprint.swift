import Crypto
import LessonKit
import TCPCore

/// One exam question before it is run: which quiz point, and the draw its fresh ISNs come from.
public struct ExamQuestionPlan: Hashable, Sendable, Codable {
    /// 1-based position in the exam.
    public var number: Int
    public var point: QuizPointRef
    /// The random words drawn for host A and host B. They are the ISNs themselves in a lesson with random fresh
    /// ISNs; a `fresh: clock`, `near-wrap` or `no` lesson turns them into ISNs its own way (`Lesson.freshISN`),
    /// as `--seed` and fresh quizzes do. (The names are those of the logs written before lessons said so.)
    public var isnA: UInt32
    public var isnB: UInt32

    /// The draw to hand to the lesson runner.
    public var draw: FreshDraw { FreshDraw(a: UInt64(isnA), b: UInt64(isnB)) }
}

/// One student's exam: the questions and numbers derived from HMAC-SHA256(key, student id). The same key,
/// id, parameters and lessons always give the same blueprint.
public struct ExamBlueprint: Hashable, Sendable, Codable {
    public var studentID: String
    public var parameters: ExamParameters
    public var questions: [ExamQuestionPlan]

    /// Derives a student's exam. `pool` lists the quiz points of the lessons (any order; points of lessons not
    /// in the parameters are left out).
    public static func derive(
        key: ExamKey, studentID: String, parameters: ExamParameters, pool: [QuizPointRef]
    ) throws(ExamError) -> ExamBlueprint {
        try StudentID.validate(studentID)
        let studentID = StudentID.canonical(studentID)
        try parameters.validate()
        let order = Dictionary(uniqueKeysWithValues: parameters.lessons.enumerated().map { ($1, $0) })
        let points = Set(pool).filter { order[$0.lessonID] != nil }.sorted {
            (order[$0.lessonID]!, $0.line) < (order[$1.lessonID]!, $1.line)
        }
        guard !points.isEmpty else {
            throw ExamError.lesson("the lessons \(parameters.lessons.joined(separator: ", ")) have no quiz points")
        }
        var stream = ExamStream(key: key, studentID: studentID, label: "tcptutor exam v1")
        var chosen: [Int] = []
        // Draw without repeats; when more questions are asked than there are quiz points, start a new round
        // (each question still gets its own ISNs, so its numbers differ).
        while chosen.count < parameters.questionCount {
            var round = Array(points.indices)
            let take = min(round.count, parameters.questionCount - chosen.count)
            for slot in 0..<take {
                round.swapAt(slot, slot + stream.below(round.count - slot))
            }
            chosen += round.prefix(take).sorted()
        }
        let questions = chosen.enumerated().map { offset, index in
            ExamQuestionPlan(
                number: offset + 1, point: points[index], isnA: stream.nextUInt32(), isnB: stream.nextUInt32())
        }
        return ExamBlueprint(studentID: studentID, parameters: parameters, questions: questions)
    }

    /// A short hash identifying this exam (student, parameters, questions and numbers), recorded in the log
    /// so that grading can tell whether the log was written for the exam it regenerates.
    public var fingerprint: String {
        var text = "tcptutor exam v1\n\(studentID)\n\(parameters.lessons.joined(separator: ","))\n"
        text += "\(parameters.questionCount) \(parameters.minutesText)\n"
        for plan in questions {
            text += "\(plan.number) \(plan.point.id) \(plan.isnA) \(plan.isnB)\n"
        }
        return SHA256.hash(data: Array(text.utf8)).hexString
    }
}

extension Sequence<UInt8> {
    /// Lower-case hex, two digits a byte.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
