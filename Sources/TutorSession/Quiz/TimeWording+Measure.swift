import LessonKit
import TCPCore
import TimelineKit

/// The feedback of a `time` question with its own moments (`TimeMeasure`): a state change, an arrival, a time
/// measured from an application's call.
extension TimeWording {
    /// "A: TIME_WAIT → CLOSED 4 min after the segment before it (virtual clock 1 s → 4 min 1 s)".
    static func measuredLead(_ question: QuizQuestion, _ measure: TimeMeasure) -> LocalizedText {
        let elapsed = DurationAnswerParser.text(measure.elapsed)
        let start = DurationAnswerParser.text(measure.start)
        let end = DurationAnswerParser.text(measure.end)
        let (sender, receiver) = (question.sender, question.receiver)
        return LocalizedText(
            en: "\(measure.endWords(sender: sender, receiver: receiver, .en)) \(elapsed) after "
                + "\(TimeMeasure.sinceWords(measure.since, .en)) (virtual clock \(start) → \(end))",
            zh:
                "\(measure.endWords(sender: sender, receiver: receiver, .zh))，在\(TimeMeasure.sinceWords(measure.since, .zh))"
                + "之后 \(elapsed)（虚拟时钟 \(start) → \(end)）")
    }

    /// One MSL given where TIME_WAIT's 2MSL ran out (half the answer): why TIME_WAIT lasts two (RFC 9293 §3.4.2,
    /// §3.10.8). Nil for any other question or answer.
    static func timeWaitNote(_ given: UInt64, in question: QuizQuestion) -> LocalizedText? {
        guard let measure = question.measure, measure.reason == .timeWaitExpired, given * 2 == measure.elapsed
        else { return nil }
        return LocalizedText(
            en: "That is one MSL, half of TIME_WAIT: it lasts 2 × MSL (RFC 9293 §3.4.2, §3.10.8). One MSL lets the "
                + "last ACK die out on its way; the other lets a FIN the peer sends again (if that ACK was lost) "
                + "reach this host, which acknowledges it and restarts the timer. Count from the moment the host "
                + "entered TIME_WAIT.",
            zh: "这只是一个MSL，是TIME_WAIT的一半：TIME_WAIT持续2×MSL（RFC 9293 §3.4.2、§3.10.8）。一个MSL让最后的ACK"
                + "在途中消失；另一个MSL让对方（在ACK丢失时）重发的FIN能到达本方，本方再次确认它并重新开始计时。"
                + "请从主机进入TIME_WAIT的时刻算起。")
    }
}

extension TimeWording {
    /// The hint of a `time` question with its own moments: where the clock stood at the start, and what ends it.
    static func measuredHint(_ question: QuizQuestion) -> LocalizedText? {
        guard let measure = question.measure else { return nil }
        let start = DurationAnswerParser.text(measure.start)
        let since = (en: TimeMeasure.sinceWords(measure.since, .en), zh: TimeMeasure.sinceWords(measure.since, .zh))
        if let host = measure.stateHost {
            return LocalizedText(
                en: "time: \(since.en) at \(start) on the virtual clock; which timer of \(host)'s changes its state?",
                zh: "时间：\(since.zh)时虚拟时钟为 \(start)；主机\(host)的哪个定时器会改变它的状态？")
        }
        return LocalizedText(
            en: "time: \(since.en) at \(start) on the virtual clock; count each crossing of the link",
            zh: "时间：\(since.zh)时虚拟时钟为 \(start)；数一数报文段在链路上走了几趟")
    }
}
