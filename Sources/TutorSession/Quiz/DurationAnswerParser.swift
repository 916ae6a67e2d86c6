import LessonKit
import TimelineKit

/// Reads a duration typed for a `time` question: a whole or decimal number and a unit, `240s`, `4min`,
/// `4 min`, `240000ms`, `1.5s`, `2h`, or the Chinese units 秒, 毫秒, 分钟, 分, 小时. The value is kept in
/// milliseconds, the unit of the engine's virtual clock, so grading is exact.
enum DurationAnswerParser {
    /// Milliseconds per unit, longest spelling first so `ms` is not read as `m` + `s`.
    static let units: [(spelling: String, milliseconds: UInt64)] = [
        ("milliseconds", 1), ("millisecond", 1), ("毫秒", 1), ("msec", 1), ("ms", 1),
        ("seconds", 1000), ("second", 1000), ("secs", 1000), ("sec", 1000), ("秒钟", 1000), ("秒", 1000), ("s", 1000),
        ("minutes", 60_000), ("minute", 60_000), ("mins", 60_000), ("min", 60_000), ("分钟", 60_000),
        ("分", 60_000), ("m", 60_000),
        ("hours", 3_600_000), ("hour", 3_600_000), ("小时", 3_600_000), ("h", 3_600_000),
    ]

    static let wanted = LocalizedText(
        en: "type a duration with its unit: ms, s, min or h (such as 30s or 1.5 min)",
        zh: "请输入带单位的时长：ms、s、min 或 h（例如 30s 或 1.5 min）")

    static func parse(_ input: String) throws(AnswerError) -> UInt64 {
        let text = Array(AnswerText.normalized(input).lowercased())
        var index = 0
        while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
        let start = index
        var digits = ""
        var fraction = ""
        while index < text.count, text[index].isASCII, text[index].isNumber {
            digits.append(text[index])
            index += 1
        }
        if index < text.count, text[index] == "." {
            index += 1
            while index < text.count, text[index].isASCII, text[index].isNumber {
                fraction.append(text[index])
                index += 1
            }
        }
        guard !digits.isEmpty || !fraction.isEmpty else { throw error(input, start, wanted) }
        guard digits.count <= 12, fraction.count <= 3 else {
            throw error(
                input, start,
                LocalizedText(
                    en: "too many digits: a duration here has at most 12 digits and 3 decimals",
                    zh: "数字位数太多：时长最多 12 位整数、3 位小数"))
        }
        while index < text.count, text[index] == " " { index += 1 }
        let unitStart = index
        let rest = String(text[index...]).trimmingWhitespace()
        guard !rest.isEmpty else {
            throw error(
                input, unitStart,
                LocalizedText(
                    en: "add a unit after the number: ms, s, min or h", zh: "请在数字后加单位：ms、s、min 或 h"))
        }
        guard let unit = units.first(where: { $0.spelling == rest }) else {
            throw error(
                input, unitStart,
                LocalizedText(
                    en: "'\(rest)' is not a unit: use ms, s, min or h", zh: "“\(rest)”不是时间单位：请用 ms、s、min 或 h"))
        }
        let whole = UInt64(digits) ?? 0
        let scaledFraction = UInt64(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        // Thousandths of the unit; a unit of a millisecond cannot be split further.
        let thousandths = whole * 1000 + scaledFraction
        guard (thousandths * unit.milliseconds) % 1000 == 0 else {
            throw error(
                input, start,
                LocalizedText(
                    en: "the virtual clock counts whole milliseconds", zh: "虚拟时钟以整毫秒计"))
        }
        return thousandths * unit.milliseconds / 1000
    }

    static func error(_ input: String, _ column: Int, _ message: LocalizedText) -> AnswerError {
        AnswerError(field: .time, input: input, column: column, message: message)
    }

    /// A duration as the grader shows it: the largest unit that divides it exactly (`4 min`, `1 s`, `1500 ms`).
    static func text(_ milliseconds: UInt64) -> String {
        if milliseconds >= 3_600_000, milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000) h" }
        if milliseconds >= 60_000, milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000) min" }
        if milliseconds >= 1000, milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
