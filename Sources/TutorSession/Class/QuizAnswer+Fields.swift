import TCPCore
import TimelineKit

/// A follower's answer as it travels on the class link: one text per answered field, by field name (`flags`,
/// `seq`, `ack`, ...), written so that `AnswerParser` reads back the same answer. The texts are the ones a student
/// could type (tcpdump's flag letters, `-` for a segment without ACK, the RFC's state names, a duration with its
/// unit), so a server log or a store keeps what a person can read.
extension QuizAnswer {
    /// The answered fields as text; unanswered fields are left out.
    public var fieldTexts: [String: String] {
        var texts: [String: String] = [:]
        if let sender { texts[QuizField.sender.rawValue] = sender.rawValue }
        // tcpdump's letters parse back whole, `none` included (RFC 9293 §3.1's control bits).
        if let flags { texts[QuizField.flags.rawValue] = flags.tcpdump }
        if let seq { texts[QuizField.seq.rawValue] = String(seq) }
        switch ack {
        case .absent: texts[QuizField.ack.rawValue] = "-"
        case .number(let number): texts[QuizField.ack.rawValue] = String(number)
        case nil: break
        }
        if let len { texts[QuizField.len.rawValue] = String(len) }
        if let state { texts[QuizField.state.rawValue] = state.description }
        if let time { texts[QuizField.time.rawValue] = AnswerParser.durationText(time) }
        return texts
    }

    /// Reads `fieldTexts` back. A field name the tutor does not know, or a text that does not parse, is an
    /// `AnswerError` naming the field: the link carried something no tutor sent.
    public init(fieldTexts texts: [String: String]) throws(AnswerError) {
        var typed: [QuizField: String] = [:]
        for (name, text) in texts {
            guard let field = QuizField(rawValue: name) else {
                throw AnswerError(
                    field: .sender, input: name, column: 0,
                    message: LocalizedText(
                        en: "'\(name)' is not an answer field", zh: "“\(name)”不是答案栏"))
            }
            typed[field] = text
        }
        // Senders travel as A or B, so no host addresses are needed to read them.
        self = try AnswerParser.answer(typed, hosts: [:])
    }
}
