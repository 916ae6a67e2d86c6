import Foundation
import TCPTutorTestSupport
import Testing

/// One Chinese vocabulary everywhere (../shared/TEACHING.md, "Chinese terms"): every Chinese string in the
/// sources and every Chinese line of the lessons says 报文段 (never a bare 报文), 本方 (never 我们 or 我方),
/// 绝对序列号 and 相对序列号 (never 序号, except where a line notes that 408 textbooks say it), and uses
/// full-width punctuation; code, formulas, key names and tcpdump notation inside a Chinese line keep theirs.
@Suite("Chinese vocabulary")
struct ChineseVocabularyTests {
    static let root = Curriculum.root

    /// Every Chinese text, with where it comes from: string literals (each line of a multi-line one) in
    /// `Sources/`, and the `zh:`, `title.zh:` and `summary.zh:` lines of `Lessons/`.
    static func chineseTexts() throws -> [(place: String, text: String)] {
        var texts: [(place: String, text: String)] = []
        let manager = FileManager.default
        let sources = root.appendingPathComponent("Sources")
        let walker = manager.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let source = try String(contentsOf: url, encoding: .utf8)
            let place = url.path.replacingOccurrences(of: root.path + "/", with: "")
            for literal in SwiftStringLiterals.scan(source) where isChinese(literal) {
                texts.append((place, chineseLine(literal)))
            }
        }
        let lessons = root.appendingPathComponent("Lessons")
        for name in try manager.contentsOfDirectory(atPath: lessons.path).sorted() where name.hasSuffix(".lesson") {
            let text = try String(contentsOf: lessons.appendingPathComponent(name), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("zh:") || trimmed.hasPrefix("title.zh:") || trimmed.hasPrefix("summary.zh:")
                else { continue }
                texts.append(("Lessons/\(name):\(index + 1)", chineseLine(String(line))))
            }
        }
        return texts
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Chinese text holds Han characters; the language switch's label "中文" alone in an English string does not
    /// make it Chinese.
    static func isChinese(_ text: String) -> Bool {
        text.replacingOccurrences(of: "中文", with: "").contains(where: isHan)
    }

    /// The text without a lesson's `zh:` marker (multi-line literals hold whole lessons).
    static func chineseLine(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " }
        for marker in ["title.zh:", "summary.zh:", "zh:"] where trimmed.hasPrefix(marker) {
            return String(trimmed.dropFirst(marker.count))
        }
        return text
    }

    /// The words that must not appear, and the one place 序号 may.
    static func vocabularyProblems(_ text: String) -> [String] {
        var problems: [String] = []
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "报", next == "文", index + 2 >= characters.count || characters[index + 2] != "段" {
                problems.append("报文 without 段 (say 报文段)")
            }
        }
        for (word, instead) in [
            ("我们", "本方"), ("我方", "本方"), ("来报文", "收到的报文段"), ("相对编号", "相对序列号"), ("绝对编号", "绝对序列号"),
        ] where text.contains(word) {
            problems.append("\(word) (say \(instead))")
        }
        if text.contains("序号"), !text.contains("408") { problems.append("序号 (say 序列号; note 序号 once, with 408)") }
        return problems
    }

    /// Half-width punctuation in Chinese: `,;:?!` right after a Han character or attached to text and followed by
    /// one; `(` `)` around Han text or right after a Han character. Formulas and calls (`F(…)`, `close()`) are
    /// code, and a mark standing alone between spaces is a key name (`输入 ? 获得提示`).
    static func punctuationProblems(_ text: String) -> [String] {
        let characters = Array(withoutCalls(text))
        var problems: [String] = []
        for (index, character) in characters.enumerated() where ",;:?!".contains(character) {
            let before = index > 0 ? characters[index - 1] : nil
            var after = index + 1
            while after < characters.count, characters[after] == " " { after += 1 }
            let attached = before.map { $0 != " " } ?? false
            if before.map(isHan) == true || (attached && after < characters.count && isHan(characters[after])) {
                problems.append("half-width '\(character)' in Chinese (use the full-width mark)")
            }
        }
        var index = 0
        while index < characters.count {
            guard characters[index] == "(", let close = characters[index...].firstIndex(of: ")") else {
                index += 1
                continue
            }
            let inside = characters[(index + 1)..<close]
            var before = index - 1
            while before >= 0, characters[before] == " " { before -= 1 }
            let afterHan = close + 1 < characters.count && isHan(characters[close + 1]) && !inside.isEmpty
            if inside.contains(where: isHan) || (before >= 0 && isHan(characters[before])) || afterHan {
                problems.append("half-width '( )' in Chinese: \(String(characters[index...close])) (use （ ）)")
            }
            index = close + 1
        }
        return problems
    }

    /// The text with every call or formula such as `F(a, b)` or `close()` replaced by its name.
    static func withoutCalls(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let before = rest[..<open].last
            guard let name = before, name.isASCII, name.isLetter || name.isNumber || name == "_",
                let close = rest[open...].firstIndex(of: ")")
            else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += rest[..<open]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    @Test("every Chinese string and lesson line uses the course's vocabulary and full-width punctuation")
    func vocabulary() throws {
        let texts = try Self.chineseTexts()
        #expect(texts.count > 500, "the scan finds the Chinese texts (\(texts.count))")
        var found: [String] = []
        for (place, text) in texts {
            for problem in Self.vocabularyProblems(text) + Self.punctuationProblems(text) {
                found.append("\(place): \(problem): \(text)")
            }
        }
        #expect(found.isEmpty, "\(found.count) problems:\n\(found.joined(separator: "\n"))")
    }

    @Test("the checks catch what they are meant to catch, and leave code and key names alone")
    func checksCatchTheVariants() {
        #expect(!Self.vocabularyProblems("不发送任何报文。").isEmpty)
        #expect(Self.vocabularyProblems("不发送任何报文段。").isEmpty)
        #expect(!Self.vocabularyProblems("确认了我们的SYN").isEmpty)
        #expect(!Self.vocabularyProblems("取自来报文的确认号").isEmpty)
        #expect(!Self.vocabularyProblems("绝对序号").isEmpty)
        #expect(Self.vocabularyProblems("408考研教材常写作“序号”").isEmpty)
        #expect(!Self.punctuationProblems("收到了,下一个").isEmpty)
        #expect(!Self.punctuationProblems("占用一个序列号(RFC 9293 §3.4)").isEmpty)
        #expect(!Self.punctuationProblems("好? 对").isEmpty)
        #expect(Self.punctuationProblems("调用close()之后，F(本地IP, 本地端口)（SHLD-1）").isEmpty)
        #expect(Self.punctuationProblems("“S 3626544836:3626544836”、“Flags [.], ack 1”").isEmpty)
        #expect(Self.punctuationProblems("输入 ? 获得提示；A: listen()：被动打开").isEmpty)
    }

    @Test("string literals are read as Swift reads them: interpolations, nested strings, multi-line strings")
    func literalScanner() {
        let source = #"""
            let a = "主机\(x.has(.syn) ? "SYN" : "FIN")的报文段" // "注释"
            let b = """
                zh: 第一行
                zh: 第二行
                """
            let c = "引号\"内"
            """#
        let literals = SwiftStringLiterals.scan(source)
        #expect(literals.contains("主机X的报文段"))
        #expect(literals.contains("SYN") && literals.contains("FIN"))
        #expect(!literals.contains { $0.contains("注释") })
        #expect(literals.contains("    zh: 第一行") && literals.contains("    zh: 第二行"))
        #expect(literals.contains("引号\\\"内"))
    }
}

/// The text of Swift string literals, as a reader sees it: comments skipped, each interpolation replaced by `X`
/// (strings inside an interpolation are literals of their own), multi-line strings one literal per line.
enum SwiftStringLiterals {
    static func scan(_ source: String) -> [String] {
        var scanner = Scanner(characters: Array(source))
        scanner.scanAll()
        return scanner.literals
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var literals: [String] = []

        init(characters: [Character]) { self.characters = characters }

        func starts(with text: String, at position: Int) -> Bool {
            let pattern = Array(text)
            guard position + pattern.count <= characters.count else { return false }
            return Array(characters[position..<(position + pattern.count)]) == pattern
        }

        mutating func scanAll() {
            while index < characters.count {
                if starts(with: "//", at: index) {
                    while index < characters.count, characters[index] != "\n" { index += 1 }
                } else if starts(with: "/*", at: index) {
                    while index < characters.count, !starts(with: "*/", at: index) { index += 1 }
                    index += 2
                } else if starts(with: "\"\"\"", at: index) {
                    index += 3
                    let text = scanString(multiline: true)
                    literals += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                } else if characters[index] == "\"" {
                    index += 1
                    literals.append(scanString(multiline: false))
                } else {
                    index += 1
                }
            }
        }

        /// From just after the opening quote to just after the closing one.
        mutating func scanString(multiline: Bool) -> String {
            var text = ""
            while index < characters.count {
                let character = characters[index]
                if multiline ? starts(with: "\"\"\"", at: index) : character == "\"" {
                    index += multiline ? 3 : 1
                    return text
                }
                if !multiline, character == "\n" { return text }
                if character == "\\", index + 1 < characters.count {
                    if characters[index + 1] == "(" {
                        index += 2
                        skipInterpolation()
                        text += "X"
                    } else {
                        text.append(character)
                        text.append(characters[index + 1])
                        index += 2
                    }
                    continue
                }
                text.append(character)
                index += 1
            }
            return text
        }

        /// From just after `\(` to just after its closing parenthesis.
        mutating func skipInterpolation() {
            var depth = 1
            while index < characters.count {
                switch characters[index] {
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return
                    }
                case "\"":
                    index += 1
                    literals.append(scanString(multiline: false))
                    continue
                default: break
                }
                index += 1
            }
        }
    }
}
