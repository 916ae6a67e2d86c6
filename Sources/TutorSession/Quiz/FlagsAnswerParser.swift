import LessonKit
import TCPCore
import TimelineKit

/// Reads flags as a student types them: tcpdump's letters with `A` for ACK as well as `.` (`S.`, `SA`, `F.`,
/// `FA`, `FPA`, `.`), names (`SYN,ACK`, `fin ack`, `FIN+ACK`, `syn/ack`, `SYN-ACK`, `SYNACK`), both mixed, the
/// seed document's `SYN=1 ACK=1`, or `none`. Order does not matter and a flag named twice is still one flag:
/// the answer is the set of flags named (RFC 9293 §3.1's control bits).
enum FlagsAnswerParser {
    /// Flag names in every spelling accepted, upper case.
    static let names: [String: TCPFlags] = [
        "SYN": .syn, "ACK": .ack, "FIN": .fin, "RST": .rst, "RESET": .rst, "PSH": .psh, "PUSH": .psh,
        "URG": .urg, "ECE": .ece, "CWR": .cwr,
    ]

    /// One-letter flags: tcpdump's letters (`.` is ACK, `E` ECE, `W` CWR) and `A`, which tcpdump never prints
    /// but every student types for ACK. No name is made of these letters only, so a word is one or the other.
    static let letters: [Character: TCPFlags] = [
        "S": .syn, "A": .ack, ".": .ack, "F": .fin, "R": .rst, "P": .psh, "U": .urg, "E": .ece, "W": .cwr,
    ]

    static let separators: Set<Character> = [" ", "\t", ",", "+", "/", "|", "&", ";", "[", "]", "-"]

    /// What the field accepts, with no combination of flags that could itself be an answer.
    static let format = LocalizedText(
        en: "the letters S A F R P U (or . for ACK) or their names, in any order",
        zh: "字母 S A F R P U（ACK 也可写作 .）或其名称，顺序不限")

    static func parse(_ input: String) throws(AnswerError) -> TCPFlags {
        let text = AnswerText.normalized(input)
        let trimmed = text.trimmingWhitespace()
        // packetdrill's and tcpdump's spellings of no flags; otherwise '-' joins names (`SYN-ACK`).
        if ["NONE", "-", "无"].contains(trimmed.uppercased()) { return [] }
        // tcpdump's own label, as in `Flags [S.]`, is no flag.
        let words = tokens(of: text).filter { $0.0.uppercased() != "FLAGS" }
        // Nothing but separators (`,`, `+`, `--`) names no flag: it is not an answer of "none".
        guard !words.isEmpty else {
            throw error(input, 0, en: "type the flags: " + format.en, zh: "请输入标志位：" + format.zh)
        }
        var flags: TCPFlags = []
        for (token, column) in words {
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
            guard names[word] != nil || (word.count == 1 && letters[word.first!] != nil) else {
                throw unknown(token, column: column, input: input)
            }
        }
        if word == "NONE" { return [] }  // `Flags [none]`
        if let flags = ofLetters(word) ?? ofNames(word) { return isSet ? flags : [] }
        throw unknown(token, column: column, input: input)
    }

    /// A word of flag letters (`SA`, `S.`, `FPA`), or nil.
    static func ofLetters(_ word: String) -> TCPFlags? {
        var flags: TCPFlags = []
        for letter in word {
            guard let flag = letters[letter] else { return nil }
            flags.insert(flag)
        }
        return flags.isEmpty ? nil : flags
    }

    /// A word of flag names run together (`SYN`, `SYNACK`, `FINACK`), or nil.
    static func ofNames(_ word: String) -> TCPFlags? {
        var flags: TCPFlags = []
        var rest = Substring(word)
        while !rest.isEmpty {
            guard let name = names.keys.first(where: { rest.hasPrefix($0) }) else { return nil }
            flags.insert(names[name]!)
            rest = rest.dropFirst(name.count)
        }
        return flags.isEmpty ? nil : flags
    }

    static func unknown(_ token: String, column: Int, input: String) -> AnswerError {
        error(
            input, column, en: "'\(token)' is not a flag: type " + format.en,
            zh: "“\(token)”不是标志位：请输入" + format.zh)
    }

    static func error(_ input: String, _ column: Int, en: String, zh: String) -> AnswerError {
        AnswerError(field: .flags, input: input, column: column, message: LocalizedText(en: en, zh: zh))
    }
}
