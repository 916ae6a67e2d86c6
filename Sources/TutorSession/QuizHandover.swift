import LessonKit
import TCPCore
import TimelineKit

/// The place where a quiz point hands over to quiz grading.
///
/// Today a question stop shows the question and the next step press reveals the segment. Quiz grading
/// (Sources/TutorSession/Quiz) takes over here: `answer(_:)` is where typed answers will be collected and
/// graded against the engine's segment (`frame.wire`), and where the score in `ProgressBook` is updated.
public struct QuizHandover: Hashable, Sendable {
    /// The quiz point being asked.
    public var point: QuizPoint

    public init(point: QuizPoint) {
        self.point = point
    }

    /// What happens to a key while the question is up: for now only stepping keys mean anything, and a step
    /// forward reveals the answer.
    public enum Outcome: Hashable, Sendable {
        case reveal
        case notForQuiz
    }

    /// Routes a key pressed while the question is up.
    public func answer(_ key: Key) -> Outcome {
        switch key {
        case .right, .pageDown, .enter, .space: .reveal
        default: .notForQuiz
        }
    }

    /// The question in words, built from the fields the lesson asks about. Unless the student is asked who sends,
    /// the question says it (`A → B: Which flags, seq, ack?`): the numbers depend on the direction.
    public func question(_ language: Language, from sender: HostID? = nil, to receiver: HostID? = nil) -> String {
        // A question on a state change asks about no segment: it has no direction.
        guard !point.fields.contains(.sender), point.measure?.stateHost == nil, let sender, let receiver else {
            return question(language)
        }
        let separator = language == .zh ? "：" : ": "
        return "\(sender) → \(receiver)" + separator + question(language)
    }

    /// The question in words, without its direction.
    public func question(_ language: Language) -> String {
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
