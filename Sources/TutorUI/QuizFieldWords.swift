import TimelineKit
import TutorSession

/// Each quiz field's words in one place: its short name (the panel's labels, the class's tally, the feedback)
/// and the question the presenter asks the class about it.
struct QuizFieldWords {
    var name: LocalizedText
    var question: LocalizedText

    init(_ field: QuizField) {
        switch field {
        case .sender:
            (name, question) = (.init(en: "sender", zh: "发送方"), .init(en: "Who sends next?", zh: "下一个报文段由谁发送？"))
        case .flags: (name, question) = (.init(en: "flags", zh: "标志位"), .init(en: "Flags?", zh: "标志位？"))
        case .seq: (name, question) = (.init(en: "seq", zh: "序列号"), .init(en: "seq?", zh: "序列号 seq？"))
        case .ack: (name, question) = (.init(en: "ack", zh: "确认号"), .init(en: "ack?", zh: "确认号 ack？"))
        case .len: (name, question) = (.init(en: "len", zh: "长度"), .init(en: "Data bytes?", zh: "数据字节数？"))
        case .state:
            (name, question) = (
                .init(en: "state", zh: "状态"), .init(en: "The receiver's new state?", zh: "接收方的新状态？")
            )
        case .time:
            (name, question) = (
                .init(en: "time", zh: "时间"),
                .init(en: "How long after the segment before?", zh: "距前一个报文段多久？")
            )
        }
    }
}
