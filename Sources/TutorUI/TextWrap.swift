/// Wraps text to a display width: between words for Latin text, between any two characters for CJK text
/// (which has no spaces), never splitting a wide character across lines.
public enum TextWrap {
    /// The lines of `text` wrapped to `width` cells; explicit newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapParagraph(Substring(paragraph), width: width)
        }
        return result
    }

    /// Characters that must not start a line (CJK punctuation that closes something).
    private static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", ",", ".", ")",
    ]

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for token in tokens(paragraph) {
            let tokenWidth = TextWidth.of(token)
            if token == " " {
                if lineWidth > 0, lineWidth < width {
                    line += " "
                    lineWidth += 1
                }
                continue
            }
            if lineWidth + tokenWidth > width, lineWidth > 0 {
                if let first = token.first, noLineStart.contains(first), tokenWidth <= 2,
                    let moved = carriedTail(of: line, joining: tokenWidth, width: width)
                {
                    // Carry the last word (or wide character) down so that closing punctuation does not start a
                    // line, and a Latin word in Chinese text ("SYN+ACK。") stays whole.
                    finish(&lines, String(line.dropLast(moved.count)))
                    line = moved
                    lineWidth = TextWidth.of(moved)
                } else {
                    finish(&lines, line)
                    line = ""
                    lineWidth = 0
                }
            }
            if tokenWidth > width {
                for character in token {
                    let characterWidth = TextWidth.of(character)
                    if lineWidth + characterWidth > width {
                        finish(&lines, line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            } else {
                line += token
                lineWidth += tokenWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { finish(&lines, line) }
        return lines
    }

    /// The end of `line` that moves down with a closing punctuation mark: its last wide character, or its last
    /// word of narrow characters. Nil when nothing can move: the line would be left empty, or the tail and the mark
    /// together would not fit on the next line.
    private static func carriedTail(of line: String, joining markWidth: Int, width: Int) -> String? {
        guard let last = line.last, last != " " else { return nil }
        var tail = String(last)
        if TextWidth.of(last) == 1 {
            tail = String(line.reversed().prefix { $0 != " " && TextWidth.of($0) == 1 }.reversed())
        }
        guard tail.count < line.count, TextWidth.of(tail) + markWidth <= width else { return nil }
        return tail
    }

    private static func finish(_ lines: inout [String], _ line: String) {
        var line = line
        while line.last == " " { line.removeLast() }
        lines.append(line)
    }

    /// Words of narrow characters, single wide characters, and single spaces.
    private static func tokens(_ text: Substring) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if character == " " || character == "\t" {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(" ")
            } else if TextWidth.of(character) == 2 {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }
}
