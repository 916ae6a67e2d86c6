import LessonKit
import TimelineKit
import TutorSession

/// What a careful student types for a question: the engine's answer in every field asked.
public enum RightAnswer {
    /// The engine's answer to a question, typed as a careful student would.
    public static func typed(_ question: QuizQuestion) -> [QuizField: String] {
        var typed: [QuizField: String] = [:]
        for field in question.fields {
            switch field {
            case .sender: typed[field] = question.sender.description
            case .flags: typed[field] = question.segment.flags.tcpdump
            case .seq: typed[field] = String(question.expectedTypedSeq)
            case .ack:
                switch question.expectedTypedAck {
                case .absent: typed[field] = "none"
                case .number(let value): typed[field] = String(value)
                }
            case .len: typed[field] = String(question.segment.payloadLength)
            case .state: typed[field] = question.receiverStateAfter.description
            case .time: typed[field] = "\(question.elapsed)ms"
            }
        }
        return typed
    }
}
