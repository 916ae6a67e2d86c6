import LessonKit
import TimelineKit

/// Reads a number typed as a plain value or a simple sum or difference (`3626544836+1`, `1739326486 + 1`).
/// Sequence and acknowledgment numbers wrap modulo 2^32 (`4294967295+1` is 0, TEACHING.md rule 9);
/// a length must fit without wrapping.
enum NumberAnswerParser {
    /// What a number field wants. It gives no example: any number written here could be the answer to some
    /// question (a relative seq of 1001, an ISN plus one), so the words say how to write one instead.
    static let wanted = LocalizedText(
        en: "type a number, or numbers joined by + or -", zh: "请输入一个数字，或用 + 或 - 连接的几个数字")

    static func parse(_ input: String, field: QuizField) throws(AnswerError) -> UInt32 {
        let text = Array(AnswerText.normalized(input))
        var index = skipLabel(text, field: field)
        var total: Int64 = 0
        var sign: Int64 = 1
        var sawTerm = false
        while true {
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
            guard index < text.count else { break }
            let start = index
            var value: Int64 = 0
            while index < text.count, let digit = text[index].wholeNumberValue, text[index].isASCII {
                value = value * 10 + Int64(digit)
                guard value <= Int64(UInt32.max) else {
                    throw error(
                        input, field, start, en: "a number here is at most 4294967295 (32 bits)",
                        zh: "这里的数字最大为 4294967295（32 位）")
                }
                index += 1
            }
            guard index > start else {
                if sawTerm {
                    throw error(
                        input, field, start, en: "'\(text[start])' cannot be read: type a number, + or -",
                        zh: "无法识别“\(text[start])”：请输入数字、+ 或 -")
                }
                throw error(input, field, start, en: Self.wanted.en, zh: Self.wanted.zh)
            }
            total += sign * value
            sawTerm = true
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
            guard index < text.count else { break }
            switch text[index] {
            case "+": sign = 1
            case "-": sign = -1
            default:
                throw error(
                    input, field, index, en: "'\(text[index])' cannot be read: only + and - may join numbers",
                    zh: "无法识别“\(text[index])”：数字之间只能用 + 或 -")
            }
            index += 1
            let operatorColumn = index - 1
            while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
            guard index < text.count else {
                throw error(
                    input, field, operatorColumn, en: "a number must follow '\(text[operatorColumn])'",
                    zh: "“\(text[operatorColumn])”后面缺少数字")
            }
        }
        guard sawTerm else {
            throw error(input, field, 0, en: Self.wanted.en, zh: Self.wanted.zh)
        }
        if field == .len {
            guard (0...Int64(UInt32.max)).contains(total) else {
                throw error(
                    input, field, 0, en: "a length is a number of data bytes, from 0 to 4294967295",
                    zh: "长度是数据字节数，范围 0 到 4294967295")
            }
            return UInt32(total)
        }
        // Sequence space is a circle: reduce modulo 2^32.
        return UInt32(truncatingIfNeeded: total)
    }

    /// Skips a leading `seq`, `ack` or `len` label matching the field (`ack 3626544837`, `seq=0`).
    static func skipLabel(_ text: [Character], field: QuizField) -> Int {
        var index = 0
        while index < text.count, text[index] == " " { index += 1 }
        let label = Array(field.rawValue)
        guard text.count >= index + label.count,
            String(text[index..<index + label.count]).lowercased() == field.rawValue
        else { return 0 }
        index += label.count
        while index < text.count, [" ", "=", ":"].contains(text[index]) { index += 1 }
        return index
    }

    static func error(_ input: String, _ field: QuizField, _ column: Int, en: String, zh: String) -> AnswerError {
        AnswerError(field: field, input: input, column: column, message: LocalizedText(en: en, zh: zh))
    }
}
