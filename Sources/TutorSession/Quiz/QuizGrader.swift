import LessonKit
import TCPCore
import TimelineKit

/// Grades a prediction against the segment the engine sent: a verdict per asked field, the right value,
/// why (the engine's rule and arithmetic), and a pointed note on common mistakes.
public enum QuizGrader {
    public static func grade(
        _ question: QuizQuestion, _ answer: QuizAnswer, hint: HintLevel? = nil, scoring: ScoringModel = .standard
    ) -> QuizFeedback {
        let fields = question.fields.map { field in
            var result = feedback(field, question, answer)
            result.worth = scoring.points(for: field)
            return result
        }
        return QuizFeedback(
            lessonID: question.lessonID, frameIndex: question.frameIndex, line: question.line, fields: fields,
            score: scoring.score(fields, hint: hint))
    }

    static func feedback(_ field: QuizField, _ question: QuizQuestion, _ answer: QuizAnswer) -> FieldFeedback {
        let why = explanation(field, question)
        var result = FieldFeedback(
            field: field, given: nil, expected: expectedText(field, question), isCorrect: false, worth: 0, mistake: nil,
            note: nil, why: why.text, rule: why.rule)
        switch field {
        case .sender:
            guard let given = answer.sender else { return result }
            result.given = given.description
            result.isCorrect = given == question.sender
        case .flags:
            guard let given = answer.flags else { return result }
            result.given = given.tcpdump
            result.isCorrect = given == question.segment.flags
            if !result.isCorrect { result.mistake = MistakeDetector.flags(given, in: question) }
        case .seq:
            guard let given = answer.seq else { return result }
            result.given = String(given)
            result.isCorrect = given == question.expectedTypedSeq
            if !result.isCorrect { result.mistake = MistakeDetector.seq(given, in: question) }
        case .ack:
            guard let given = answer.ack else { return result }
            result.given = given.text
            result.isCorrect = given == question.expectedTypedAck
            if !result.isCorrect {
                switch given {
                case .absent: result.mistake = .ackNumberMissing
                case .number(let value): result.mistake = MistakeDetector.ack(value, in: question)
                }
            }
        case .len:
            guard let given = answer.len else { return result }
            result.given = String(given)
            result.isCorrect = given == question.segment.payloadLength
            if !result.isCorrect { result.mistake = MistakeDetector.len(given, in: question) }
        case .state:
            guard let given = answer.state else { return result }
            result.given = given.description
            result.isCorrect = given == question.receiverStateAfter
            if !result.isCorrect { result.mistake = MistakeDetector.state(given, in: question) }
        case .time:
            guard let given = answer.time else { return result }
            result.given = DurationAnswerParser.text(given)
            result.isCorrect = given == question.elapsed
            if !result.isCorrect { result.note = TimeWording.factorOfTwoNote(given, in: question) }
            return result
        }
        result.note = result.mistake?.note(for: field, in: question)
        return result
    }

    /// The engine's value as the learner should type it.
    static func expectedText(_ field: QuizField, _ question: QuizQuestion) -> String {
        switch field {
        case .sender:
            let sender = question.sender
            return question.hosts[sender].map { "\(sender) (\($0))" } ?? sender.description
        case .flags: return question.segment.flags.tcpdump
        case .seq: return String(question.expectedTypedSeq)
        case .ack: return question.expectedTypedAck.text
        case .len: return String(question.segment.payloadLength)
        case .state: return question.receiverStateAfter.description
        case .time: return DurationAnswerParser.text(question.elapsed)
        }
    }

    /// Why the engine's value is right, and the rule it comes from.
    static func explanation(_ field: QuizField, _ question: QuizQuestion) -> (text: LocalizedText, rule: Rule?) {
        let sent = question.expected.sentBecause
        switch field {
        case .sender:
            let sender = question.sender
            return (ruleSentence(sent, lead: LocalizedText(en: "\(sender) sends it", zh: "由主机\(sender)发送")), sent)
        case .flags:
            let flags = question.segment.flags
            let lead = LocalizedText(
                en: "\(flags.tcpdump) (\(flags.spelledOut))", zh: "\(flags.tcpdump)（\(flags.spelledOut)）")
            return (ruleSentence(sent, lead: lead), sent)
        case .seq:
            return (ruleSentence(sent, lead: question.seqDerivation.sentence(.seq)), sent)
        case .ack:
            guard let derivation = question.ackDerivation else {
                let lead = LocalizedText(
                    en: "no ack number: the segment has no ACK flag", zh: "没有确认号：该报文段没有 ACK 标志位")
                return (ruleSentence(sent, lead: lead), sent)
            }
            return (ruleSentence(sent, lead: derivation.sentence(.ack)), sent)
        case .len:
            let segment = question.segment
            var lead = LocalizedText(
                en: "len = \(segment.payloadLength) data bytes", zh: "长度 = \(segment.payloadLength) 字节数据")
            if segment.has(.syn) || segment.has(.fin) {
                lead.en += " (the \(segment.has(.syn) ? "SYN" : "FIN") occupies a sequence number but is not data)"
                lead.zh += "（\(segment.has(.syn) ? "SYN" : "FIN") 占用一个序列号，但不是数据）"
            }
            return (ruleSentence(sent, lead: lead), sent)
        case .state:
            let receiver = question.receiver
            let before = question.receiverStateBefore
            let after = question.receiverStateAfter
            let lead =
                before == after
                ? LocalizedText(en: "\(receiver) stays in \(after)", zh: "主机\(receiver)保持 \(after) 状态")
                : LocalizedText(en: "\(receiver): \(before) → \(after)", zh: "主机\(receiver)：\(before) → \(after)")
            guard let rule = question.stateRule else { return (lead, nil) }
            return (ruleSentence(rule, lead: lead), rule)
        case .time:
            return (ruleSentence(question.timeRule, lead: TimeWording.lead(question)), question.timeRule)
        }
    }

    /// `lead — title (RFC 9293 §x): explanation`.
    static func ruleSentence(_ rule: Rule, lead: LocalizedText) -> LocalizedText {
        let wording = rule.wording
        return LocalizedText(
            en: "\(lead.en). \(wording.title.en) (RFC 9293 \(rule.section)): \(wording.explanation.en)",
            zh: "\(lead.zh)。\(wording.title.zh)（RFC 9293 \(rule.section)）：\(wording.explanation.zh)")
    }
}
