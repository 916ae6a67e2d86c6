import LessonKit
import TCPCore
import TimelineKit
import TutorUI

/// The words an export adds to those the screen and the printers already use (`Strings`).
struct ExportWords {
    let language: Language

    init(_ language: Language) { self.language = language }

    /// The screen's words: lost, calls, waits, the numbering.
    var shared: Strings { Strings(language) }

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var retransmission: String { pick("retransmission", "重传") }
    var fromOutside: String { pick("from outside the connection", "来自连接之外") }
    var colon: String { pick(": ", "：") }
    var listSeparator: String { pick(", ", "，") }

    /// "Steps 0 to 7 of 12": said under the title when `--upto` stops early.
    func upto(_ last: Int, of count: Int) -> String {
        pick("Steps 0 to \(last) of \(count - 1): what comes next?", "第 0 至 \(last) 步（共 \(count - 1) 步）：接下来会发生什么？")
    }

    /// A handout's word in this language.
    func handout(_ word: HandoutWord) -> String { word.text.text(language) }

    func question(_ number: Int, step: Int) -> String {
        pick("Question \(number) (step \(step))", "问题 \(number)（第 \(step) 步）")
    }
}

/// The handout's headings, notes and column names.
enum HandoutWord: CaseIterable {
    case diagram, segments, narration, questions, worksheet, answerKey
    case step, from, to, flags, length, statesAfter, rule, field, answer, noAck
    case sender, flagsField, dataBytes, receiverState, time

    var text: LocalizedText {
        let (en, zh) = Self.table[self]!
        return LocalizedText(en: en, zh: zh)
    }

    static let table: [HandoutWord: (String, String)] = [
        .diagram: ("Sequence diagram", "时序图"), .segments: ("Segments", "报文段"), .narration: ("Narration", "讲解"),
        .questions: ("Questions", "问题"),
        .worksheet: (
            "Worksheet: the answer cells are blank, and so is what the segments table would give away.",
            "练习版：答案栏留空，报文段表中会泄露答案的内容也留空。"
        ),
        .answerKey: ("Answer key: every answer is the engine's.", "答案：所有答案均由状态机计算得出。"),
        .step: ("Step", "步骤"), .from: ("From", "发送方"), .to: ("To", "接收方"), .flags: ("Flags", "标志位"),
        .length: ("Len", "长度"), .statesAfter: ("States after", "之后的状态"), .rule: ("Rule", "规则"),
        .field: ("Field", "字段"), .answer: ("Answer", "答案"), .noAck: ("none (no ACK flag)", "无（没有 ACK 标志）"),
        .sender: ("sender", "发送方"), .flagsField: ("flags", "标志位"), .dataBytes: ("data bytes", "数据字节数"),
        .receiverState: ("receiver's new state", "接收方的新状态"), .time: ("time", "时间"),
    ]

    /// A question's field as the answer table names it (seq and ack are the same in both languages).
    static func field(_ field: QuizField) -> HandoutWord? {
        switch field {
        case .sender: .sender
        case .flags: .flagsField
        case .seq, .ack: nil
        case .len: .dataBytes
        case .state: .receiverState
        case .time: .time
        }
    }
}
