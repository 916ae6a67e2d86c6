import LessonKit
import TCPCore

/// Reads flags typed as tcpdump letters (`S.`, `F.`, `.`, `R.`), as names (`SYN,ACK`, `syn+ack`, `SYN ACK`,
/// `fin/ack`), as the seed document writes them (`SYN=1 ACK=1`) or as `none`.
enum FlagsAnswerParser {
    /// Flag names in every spelling accepted, upper case.
    static let names: [String: TCPFlags] = [
        "SYN": .syn, "ACK": .ack, "FIN": .fin, "RST": .rst, "RESET": .rst, "PSH": .psh, "PUSH": .psh,
        "URG": .urg, "ECE": .ece, "CWR": .cwr,
    ]

    static let separators: Set<Character> = [" ", "\t", ",", "+", "/", "|", "&", ";", "[", "]"]

    static func parse(_ input: String) throws(AnswerError) -> TCPFlags {
        let text = AnswerText.normalized(input)
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw error(input, 0, en: "type the flags, e.g. S. or SYN,ACK", zh: "请输入标志位，例如 S. 或 SYN,ACK")
        }
        if ["NONE", "-", "无"].contains(trimmed.uppercased()) { return [] }
        var flags: TCPFlags = []
        for (token, column) in tokens(of: text) {
            flags.formUnion(try flagsOfToken(token, column: column, input: input))
        }
        return flags
    }

    /// The words between separators, with their 0-based columns.
    static func tokens(of text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if separators.contains(character) {
                if !current.isEmpty { result.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    static func flagsOfToken(_ token: String, column: Int, input: String) throws(AnswerError) -> TCPFlags {
        var word = token.uppercased()
        var isSet = true
        if let equals = word.firstIndex(of: "=") {
            // The seed document's style: `SYN=1 ACK=1`.
            let value = word[word.index(after: equals)...]
            guard value == "1" || value == "0" else {
                throw error(
                    input, column, en: "'\(token)': a flag is either =1 (set) or =0 (not set)",
                    zh: "“\(token)”：标志位只能是 =1（置位）或 =0（未置位）")
            }
            isSet = value == "1"
            word = String(word[..<equals])
            guard names[word] != nil else { throw unknown(token, column: column, input: input) }
        }
        if word == "FLAGS" { return [] }  // tcpdump's own label, `Flags [S.]`
        if let flag = names[word] { return isSet ? flag : [] }
        if let flags = TCPFlags(tcpdump: word) { return flags }
        if word.allSatisfy({ letter in TCPFlags.letters.contains { $0.letter == letter } }) {
            throw error(
                input, column, en: "'\(token)' names a flag twice", zh: "“\(token)”中有重复的标志位")
        }
        throw unknown(token, column: column, input: input)
    }

    static func unknown(_ token: String, column: Int, input: String) -> AnswerError {
        if token.uppercased().contains("A") {
            return error(
                input, column,
                en: "'\(token)' is not a flag: in tcpdump letters ACK is written '.', as in S. (or spell it SYN,ACK)",
                zh: "“\(token)”不是标志位：tcpdump 用“.”表示 ACK，例如 S.（也可以写 SYN,ACK）")
        }
        return error(
            input, column,
            en: "'\(token)' is not a flag: use tcpdump letters (S . F R P) or names (SYN ACK FIN RST PSH)",
            zh: "“\(token)”不是标志位：请用 tcpdump 字母（S . F R P）或名称（SYN ACK FIN RST PSH）")
    }

    static func error(_ input: String, _ column: Int, en: String, zh: String) -> AnswerError {
        AnswerError(field: .flags, input: input, column: column, message: LocalizedText(en: en, zh: zh))
    }
}
