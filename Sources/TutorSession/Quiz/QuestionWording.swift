import LessonKit
import TCPCore
import TimelineKit

/// A question in words, built from the quiz point it asks: the lesson screen, the quiz, the exam and the
/// plain modes all word it here.
public enum QuestionWording {
    /// The question in words, built from the fields the lesson asks about. Unless the student is asked who sends,
    /// the question says it (`A → B: Which flags, seq, ack?`): the numbers depend on the direction.
    public static func text(
        for point: QuizPoint, _ language: Language, from sender: HostID? = nil, to receiver: HostID? = nil
    ) -> String {
        // A question on a state change asks about no segment: it has no direction.
        guard !point.fields.contains(.sender), point.measure?.stateHost == nil, let sender, let receiver else {
            return text(for: point, language)
        }
        let separator = language == .zh ? "：" : ": "
        return "\(sender) → \(receiver)" + separator + text(for: point, language)
    }

    /// The question in words, without its direction.
    public static func text(for point: QuizPoint, _ language: Language) -> String {
        let fields = point.fields
        switch language {
        case .en:
            var parts: [String] = []
            if fields.contains(.sender) { parts.append("Who sends next") }
            let asked = fields.compactMap { field -> String? in
                switch field {
                case .sender: nil
                case .flags: "which flags"
                case .seq: "seq"
                case .ack: "ack"
                case .len: "how many data bytes"
                case .state: "the receiver's new state"
                case .time: point.measure?.question(.en) ?? "how long after the segment before it does this one leave"
                }
            }
            if !asked.isEmpty { parts.append(asked.joined(separator: ", ")) }
            let text = parts.joined(separator: ", ")
            guard let first = text.first else { return "What comes next?" }
            return first.uppercased() + text.dropFirst() + "?"
        case .zh:
            // Short enough for one line of the answer panel at 80 columns, as the English is.
            var text = fields.contains(.sender) ? "谁发送下一个报文段？" : ""
            let asked = fields.compactMap { field -> String? in
                switch field {
                case .sender: nil
                case .flags: "标志位"
                case .seq: "序列号"
                case .ack: "确认号"
                case .len: "数据字节数"
                case .state: "接收方的新状态"
                case .time: point.measure?.question(.zh) ?? "距前一个报文段的时间间隔"
                }
            }
            if !asked.isEmpty { text += asked.joined(separator: "、") + (asked.count == 1 ? "是什么？" : "各是什么？") }
            return text.isEmpty ? "接下来会发生什么？" : text
        }
    }
}
