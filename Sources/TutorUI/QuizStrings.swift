import LessonKit
import TimelineKit
import TutorSession

/// Interface text of the quiz panel, the feedback and the exam, in English and Chinese.
extension Strings {
    func say(_ en: String, _ zh: String) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    public func fieldName(_ field: QuizField) -> String { QuizFieldWords(field).name.text(language) }

    /// The flags field's note: the letters and that names work, never a combination that is an answer.
    var flagsNote: String { say("letters S A F R P U, or names", "字母 S A F R P U 或名称") }
    var senderNote: String { say("A or B", "A 或 B") }
    var lenNote: String { say("data bytes", "数据字节数") }
    var numberNote: String { say("a number, or a sum with + or -", "数字，或用 + 或 - 的算式") }
    var ackNote: String { say("a number or a sum; - if no ACK", "数字或算式；无 ACK 填 -") }
    /// Names no state: any state named here as an example would be the answer to some question.
    var timeNote: String {
        say("a duration with a unit: ms, s, min, h", "带单位的时长：ms、s、min、h")
    }
    var stateNote: String { say("a TCP state, RFC or netstat name", "TCP 状态名（RFC 或 netstat 写法）") }
    var panelAway: String {
        say("Answering paused: Tab to answer, h for a hint, Space to skip the question.", "已暂停作答：Tab 继续作答，h 提示，空格跳过本题。")
    }
    func hintCost(_ level: HintLevel, _ scoring: ScoringModel) -> String {
        let cost = scoring.hintCost(level)
        return say("hint \(level.rawValue) of 2 (-\(cost) points)", "提示 \(level.rawValue)/2（扣 \(cost) 分）")
    }
    var rightWord: String { say("right", "正确") }
    var wrongWord: String { say("wrong", "错误") }
    var blankWord: String { say("no answer", "未作答") }
    func youTyped(_ given: String) -> String { say("you: \(given)", "你的答案：\(given)") }
    func rightValue(_ expected: String) -> String { say("right: \(expected)", "正确答案：\(expected)") }
    /// After a verdict word in a plain line: `wrong: ack`, `错误：确认号`.
    var verdictColon: String { say(": ", "：") }
    /// Between the learner's answer and the right one in a plain line.
    var clauseGap: String { say("; ", "；") }
    func points(_ score: QuestionScore) -> String {
        var text = say("\(score.points) of \(score.possible) points", "得分 \(score.points)/\(score.possible)")
        if let hint = score.hint {
            text += say(" (hint \(hint.rawValue) taken)", "（用了提示 \(hint.rawValue)）")
        }
        return text
    }
}

extension Strings {
    var quizAway: String {
        say(
            "Answering paused: Tab to answer, h for a hint, Space to skip (scored as no answer).",
            "已暂停作答：Tab 继续作答，h 提示，空格跳过（按未作答计分）。")
    }
}
