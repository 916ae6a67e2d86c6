import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The presenter's own words, in English and Chinese; shared words (steps, calls, lost) come from `Strings`.
struct PresenterStrings {
    let language: Language
    let shared: Strings

    init(_ language: Language) {
        self.language = language
        self.shared = Strings(language)
    }

    private func pick(_ en: String, _ zh: String) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    var questionHeading: String { pick("Question for the class", "请全班回答") }
    /// The live count while a class answers on its own terminals.
    func answeredSoFar(_ answered: Int, of students: Int) -> String {
        pick("\(answered) of \(students) answered", "\(students) 人中 \(answered) 人已作答")
    }
    func direction(_ from: HostID, _ to: HostID) -> String {
        pick("The next segment goes from \(from) to \(to).", "下一个报文段从 \(from) 发往 \(to)。")
    }

    /// One short question per field, in the order the lesson asks them; a `time` question with its own moments
    /// (`quiz time until A CLOSED`) says them.
    func question(_ field: QuizField, measure: TimeMeasure?) -> String {
        guard field == .time, let measure else { return question(field) }
        let text = measure.question(language)
        return language == .zh ? text + "？" : (text.first?.uppercased() ?? "") + text.dropFirst() + "?"
    }

    func question(_ field: QuizField) -> String { QuizFieldWords(field).question.text(language) }

    /// Which numbers the class should answer in, without naming the sender (that may be the question).
    func numbering(_ numbering: Numbering) -> String {
        switch numbering {
        case .absolute:
            pick("Numbers are absolute, as tcpdump -S prints them.", "序列号和确认号用绝对值，与 tcpdump -S 的输出相同。")
        case .relative:
            pick(
                "Numbers are relative, as tcpdump prints by default: seq counts from the sender's ISN, "
                    + "ack from the receiver's ISN.",
                "序列号和确认号用相对值（tcpdump 默认输出）：seq 从发送方的初始序列号算起，ack 从接收方的初始序列号算起。")
        }
    }

    /// The segment shown before a question, and whether it was lost: what the class works the numbers from.
    func lastSegment(_ event: WireEvent, label: String) -> String {
        let lost = event.fate == .dropped ? pick(" (lost)", "（丢失）") : ""
        return pick("Last segment: ", "上一个报文段：") + "\(event.from) → \(event.to)  \(label)" + lost
    }

    /// Introduces the calls and waits that lead to the asked segment (the hosts are drawn as before them).
    var leadIn: String { pick("Then: ", "接下来：") }

    var revealHint: String { pick("Enter reveals the answer.", "按回车键揭晓答案。") }
    var answerHeading: String { pick("Answer", "答案") }
    func flags(_ flags: TCPFlags) -> String {
        pick("flags \(flags.tcpdump) (\(flags.spelledOut))", "标志位 \(flags.tcpdump)（\(flags.spelledOut)）")
    }
    var noAck: String { pick("no ack (no ACK flag)", "无 ack（没有 ACK 标志）") }
    func length(_ bytes: UInt32) -> String { pick("\(bytes) data bytes", "\(bytes) 字节数据") }
    func receiverState(_ host: HostID, _ state: ConnectionState) -> String {
        pick("\(host) now \(state)", "\(host) 进入 \(state)")
    }
    func why(_ rule: Rule) -> String { pick("Why: ", "原因：") + RuleText.explanation(rule, language) }
    var endOfLesson: String { pick("End of the lesson.", "本课结束。") }

    var helpTitle: String { pick("Presenter keys", "演示模式按键") }

    // MARK: Plain lines

    var fullStop: String { shared.lineStop }
    /// What follows a full stop inside a line: a space in English, nothing in Chinese.
    var sentenceGap: String { pick(" ", "") }
    var colon: String { shared.labelColon }

    var plainKeys: String {
        pick(
            "Enter: next (reveals a quiz answer). b: back. A number: go to that step. l: 中文. q: quit.",
            "回车：下一步（揭晓测验答案）。b：上一步。数字：跳到该步。l：English。q：退出。")
    }
    var plainNothing: String { shared.plainNothing }
}
