import LessonKit
import TCPCore
import TutorUI

/// The words an export adds to those the screen and the printers already use (`Strings`).
struct ExportWords {
    let language: Language
    let shared: Strings

    init(_ language: Language) {
        self.language = language
        self.shared = Strings(language)
    }

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var retransmission: String { pick("retransmission", "重传") }
    var fromOutside: String { pick("from outside the connection", "来自连接之外") }
    var colon: String { pick(": ", "：") }
    var listSeparator: String { pick(", ", "，") }

    /// "Steps 0 to 7 of 12": said under the title when `--upto` stops early.
    func upto(_ last: Int, of count: Int) -> String {
        pick("Steps 0 to \(last) of \(count - 1): what comes next?", "第 0 至 \(last) 步（共 \(count - 1) 步）：接下来会发生什么？")
    }

    // MARK: The handout

    var segmentsHeading: String { pick("Segments", "报文段") }
    var diagramHeading: String { pick("Sequence diagram", "时序图") }
    var narrationHeading: String { pick("Narration", "讲解") }
    var questionsHeading: String { pick("Questions", "问题") }
    var worksheetNote: String {
        pick(
            "Worksheet: the answer cells are blank, and so is what the segments table would give away.",
            "练习版：答案栏留空，报文段表中会泄露答案的内容也留空。")
    }
    var answerKeyNote: String { pick("Answer key: every answer is the engine's.", "答案：所有答案均由状态机计算得出。") }
    var tableHeader: [String] {
        [
            pick("Step", "步骤"), pick("From", "发送方"), pick("To", "接收方"), pick("Flags", "标志位"), "seq", "ack",
            pick("Len", "长度"), pick("States after", "之后的状态"), pick("Rule", "规则"),
        ]
    }
    var questionHeader: [String] { [pick("Field", "字段"), pick("Answer", "答案")] }
    func question(_ number: Int, step: Int) -> String {
        pick("Question \(number) (step \(step))", "问题 \(number)（第 \(step) 步）")
    }
    func step(_ step: Int) -> String { pick("Step \(step)", "第 \(step) 步") }
    var noAck: String { pick("none (no ACK flag)", "无（没有 ACK 标志）") }
    func field(_ field: QuizField) -> String {
        switch field {
        case .sender: pick("sender", "发送方")
        case .flags: pick("flags", "标志位")
        case .seq: "seq"
        case .ack: "ack"
        case .len: pick("data bytes", "数据字节数")
        case .state: pick("receiver's new state", "接收方的新状态")
        case .time: pick("time", "时间")
        }
    }
}
