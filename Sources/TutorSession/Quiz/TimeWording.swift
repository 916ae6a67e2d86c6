import LessonKit
import TCPCore
import TimelineKit

/// The words of a `time` question's feedback: how long after the segment before it the sender emitted this
/// one, and a note when the answer is half or twice the engine's value: a timeout not doubled, or doubled once
/// too often.
enum TimeWording {
    /// "A sent it 1 s after the segment before it (at 0 ms → 1 s)".
    static func lead(_ question: QuizQuestion) -> LocalizedText {
        if let measure = question.measure { return measuredLead(question, measure) }
        let sender = question.sender
        let elapsed = DurationAnswerParser.text(question.elapsed)
        let start = DurationAnswerParser.text(
            question.elapsed > question.expected.sentAt ? 0 : question.expected.sentAt - question.elapsed)
        let end = DurationAnswerParser.text(question.expected.sentAt)
        return LocalizedText(
            en: "\(sender) sent it \(elapsed) after the segment before it (virtual clock \(start) → \(end))",
            zh: "主机\(sender)在前一个报文段之后 \(elapsed) 发出它（虚拟时钟 \(start) → \(end)）")
    }

    /// A note for an answer off by a factor of two; nil for any other wrong answer.
    static func factorOfTwoNote(_ given: UInt64, in question: QuizQuestion) -> LocalizedText? {
        let expected = question.elapsed
        guard expected > 0, given * 2 == expected || given == expected * 2 else { return nil }
        if let note = timeWaitNote(given, in: question) { return note }
        if question.measure != nil { return nil }
        // Only a retransmission timer sends a segment on its own after a wait; its timeout doubles each time.
        guard question.expected.sentBecause == .retransmissionTimeout else { return nil }
        return LocalizedText(
            en: "Off by a factor of two: the retransmission timeout doubles after each timeout and goes back to "
                + "its start value once new data is acknowledged (RFC 6298 §5.5, §5.7; RFC 9293 §3.8.1). Count the "
                + "timeouts since the last acknowledgment.",
            zh: "差了一倍：每次超时后重传超时加倍，新数据被确认后才恢复初始值（RFC 6298 §5.5、§5.7；RFC 9293 §3.8.1）。"
                + "请数一数上次确认之后已经超时了几次。")
    }
}
