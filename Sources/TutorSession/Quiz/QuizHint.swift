import LessonKit
import TCPCore
import TimelineKit

/// Hints for a question, in two levels that each cost points (`ScoringModel`): first which rule applies,
/// then the arithmetic behind the numbers without the result.
public enum QuizHint {
    /// The lines of the hint at `level` (each level includes the one below it).
    public static func lines(_ level: HintLevel, for question: QuizQuestion) -> [LocalizedText] {
        var lines = ruleLines(question)
        if level >= .arithmetic { lines += arithmeticLines(question) }
        return lines
    }

    /// Which rules apply, by title and RFC section, without giving the answer away.
    static func ruleLines(_ question: QuizQuestion) -> [LocalizedText] {
        var rules: [Rule] = []
        for field in question.fields {
            let rule =
                field == .state
                ? question.stateRule : field == .time ? question.timeRule : question.expected.sentBecause
            if let rule, !rules.contains(rule) { rules.append(rule) }
        }
        return rules.map { rule in
            let title = rule.wording.title
            return LocalizedText(
                en: "Rule: \(title.en) (RFC 9293 \(rule.section))", zh: "规则：\(title.zh)（RFC 9293 \(rule.section)）")
        }
    }

    /// The sums for seq and ack, with the result left for the learner; the receiver's state before, for state.
    static func arithmeticLines(_ question: QuizQuestion) -> [LocalizedText] {
        var lines: [LocalizedText] = []
        for field in question.fields {
            switch field {
            case .seq:
                lines.append(question.seqDerivation.sentence(.seq, showResult: false))
            case .ack:
                if let derivation = question.ackDerivation {
                    lines.append(derivation.sentence(.ack, showResult: false))
                } else {
                    lines.append(
                        LocalizedText(
                            en: "ack: does this segment carry the ACK flag at all?",
                            zh: "确认号：这个报文段带 ACK 标志位吗？"))
                }
            case .state:
                let receiver = question.receiver
                let before = question.receiverStateBefore
                lines.append(
                    LocalizedText(
                        en: "state: \(receiver) is in \(before) when the segment arrives",
                        zh: "状态：报文段到达时，主机\(receiver)处于 \(before) 状态"))
            case .len:
                lines.append(
                    LocalizedText(
                        en: "len counts data bytes only: SYN and FIN are not data",
                        zh: "长度只计算数据字节：SYN 和 FIN 不是数据"))
            case .time:
                if let hint = TimeWording.measuredHint(question) {
                    lines.append(hint)
                    continue
                }
                let before = AnswerParser.durationText(question.expected.sentAt - question.elapsed)
                lines.append(
                    LocalizedText(
                        en:
                            "time: the segment before was sent at \(before) on the virtual clock; which timer sends this one?",
                        zh: "时间：前一个报文段在虚拟时钟 \(before) 时发出；这个报文段由哪个定时器发出？"))
            case .sender, .flags:
                continue
            }
        }
        return lines
    }
}
