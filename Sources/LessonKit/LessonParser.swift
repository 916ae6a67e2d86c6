import TCPCore
import TimelineKit

/// Parses the lesson language (Lessons/README.md) into a `Lesson`, reporting every problem with its
/// `file:line:column`.
public struct LessonParser {
    let file: String
    var diagnostics: [Diagnostic] = []
    var header: [String: (value: String, line: Int, column: Int)] = [:]
    var steps: [Step] = []
    var introduction = NarrationBuilder()
    var pendingQuiz: QuizPoint?
    var pendingQuizLine = 0

    static let headerKeys: Set<String> = [
        "id", "title", "title.zh", "summary", "summary.zh", "hosts", "isn", "numbers", "window", "msl", "rto",
        "user-timeout", "delayed-ack",
        "fresh",
    ]

    /// Parses `text`, naming `file` in diagnostics. Throws `LessonErrors` with every problem found.
    public static func parse(_ text: String, file: String) throws(LessonErrors) -> Lesson {
        var parser = LessonParser(file: file)
        let lesson = parser.run(text)
        guard parser.diagnostics.isEmpty, let lesson else {
            throw LessonErrors(diagnostics: parser.diagnostics)
        }
        return lesson
    }

    init(file: String) {
        self.file = file
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    mutating func run(_ text: String) -> Lesson? {
        var inHeader = true
        var stepNarration = NarrationBuilder()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("en:") || body.hasPrefix("zh:") {
                let language: Language = body.hasPrefix("en:") ? .en : .zh
                let text = body.dropFirst(3).trimmingSpaces()
                if inHeader {
                    introduction.add(language, text, line: number)
                } else if steps.isEmpty {
                    error(number, indent + 1, "narration must follow a step or the header")
                } else {
                    stepNarration.add(language, text, line: number)
                }
                continue
            }
            let content = stripComment(body).trimmingSpaces()
            if content.isEmpty { continue }
            if inHeader, let colon = content.firstIndex(of: ":"), indent == 0 {
                let key = String(content[..<colon])
                if Self.allHeaderKeys.contains(key) {
                    let valueStart = content.index(after: colon)
                    let value = content[valueStart...].trimmingSpaces()
                    let column = indent + content.distance(from: content.startIndex, to: valueStart) + 1
                    let leading = content[valueStart...].prefix { $0 == " " }.count
                    if header[key] != nil { error(number, 1, "'\(key)' is given twice") }
                    header[key] = (String(value), number, column + leading)
                    continue
                }
                if !key.contains(" ") && !key.contains(">") {
                    error(
                        number, 1,
                        "unknown header key '\(key)'; known keys: \(Self.allHeaderKeys.sorted().joined(separator: ", "))"
                    )
                    continue
                }
            }
            if inHeader {
                inHeader = false
            }
            finishNarration(&stepNarration)
            parseDirective(content, line: number, column: indent + 1)
        }
        finishNarration(&stepNarration)
        if pendingQuiz != nil {
            error(pendingQuizLine, 1, "'quiz' must be followed by a segment line such as 'A > B: S 0:0(0)'")
        }
        return buildLesson()
    }

    mutating func finishNarration(_ builder: inout NarrationBuilder) {
        guard !builder.isEmpty, !steps.isEmpty else { return }
        if let missing = builder.missingLanguage {
            error(
                builder.firstLine, 1,
                "this narration has no '\(missing.rawValue):' line; every step is told in both languages")
        }
        steps[steps.count - 1].narration = builder.text
        builder = NarrationBuilder()
    }
}

/// Collects `en:` and `zh:` lines: English lines join with a space, Chinese lines with nothing.
struct NarrationBuilder {
    var en: [String] = []
    var zh: [String] = []
    var firstLine = 0

    var isEmpty: Bool { en.isEmpty && zh.isEmpty }

    mutating func add(_ language: Language, _ text: Substring, line: Int) {
        if isEmpty { firstLine = line }
        switch language {
        case .en: en.append(String(text))
        case .zh: zh.append(String(text))
        }
    }

    var missingLanguage: Language? {
        if en.isEmpty { return .en }
        if zh.isEmpty { return .zh }
        return nil
    }

    var text: LocalizedText? {
        isEmpty ? nil : LocalizedText(en: en.joined(separator: " "), zh: zh.joined())
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

/// Drops a `#` comment (segment notation never contains `#`).
func stripComment(_ line: Substring) -> Substring {
    guard let hash = line.firstIndex(of: "#") else { return line }
    return line[..<hash]
}
