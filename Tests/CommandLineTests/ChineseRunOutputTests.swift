import Foundation
import TCPTutorTestSupport
import Testing

@testable import LessonKit

/// `tcptutor run --lang zh` speaks Chinese: the words it adds around the lesson (header, steps, quiz, reasons,
/// errors) are Chinese, and only notation stays as it is: tcpdump lines, state names, flags, host letters,
/// numbers, RFC sections and the socket calls' own names.
@Suite("run --lang zh")
struct ChineseRunOutputTests {
    /// Socket calls keep their names in Chinese text (`connect()：主动打开`), and so does the SYN Cookie (RFC 4987
    /// §3.6), which Chinese texts call by its English name.
    static let codeWords: Set<String> = ["listen", "connect", "close", "shutdown", "Cookie"]

    /// The words of `line` written in Latin letters with a lower-case letter, notation removed: what is left is
    /// an English word.
    static func englishWords(in line: String, lessonID: String) -> [String] {
        var text = line.replacingOccurrences(of: "[\(lessonID)]", with: "")
        // A tcpdump line, from `IP` to the states after it.
        if let range = text.range(of: #"IP6? \S+ > \S+: .*?(?=  → |$)"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        var words: [String] = []
        var word = ""
        for character in text + " " {
            if character.isASCII, character.isLetter || character == "_" {
                word.append(character)
                continue
            }
            if word.contains(where: \.isLowercase), !codeWords.contains(word) { words.append(word) }
            word = ""
        }
        return words
    }

    @Test("no English interface word in any lesson's Chinese timeline", arguments: Curriculum.fileNames)
    func noEnglishWords(file: String) throws {
        let result = try TutorProgram.run(["run", "Lessons/" + file, "--lang", "zh"])
        #expect(result.status == 0, "\(result.errors)")
        let lesson = try Curriculum.lesson(file: file)
        // The narration is the lesson's own text (it may quote an English error message); the vocabulary test
        // reads it. Everything else is the program's.
        let narration = LessonRunner.run(lesson).timeline.frames.compactMap { $0.narration?.zh }
        var found: [String] = []
        for line in result.output.split(separator: "\n").map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if narration.contains(trimmed) { continue }
            let words = Self.englishWords(in: line, lessonID: lesson.id)
            if !words.isEmpty { found.append("\(words): \(line)") }
        }
        #expect(found.isEmpty, "\(file):\n\(found.joined(separator: "\n"))")
    }

    @Test("the header, the quiz, the reason and an error are in Chinese")
    func interfaceWords() throws {
        let result = try TutorProgram.run(["run", "connection-refused", "--lang", "zh"])
        #expect(result.status == 0)
        let output = result.output
        #expect(output.contains("初始序列号 A 1044301777，B 600000000（绝对序列号）"), "\(output)")
        #expect(output.contains("    测验：标志位、序列号、确认号"))
        #expect(output.contains("    原因：连接不存在"))
        #expect(output.contains("    A 错误：连接被拒绝"))
        #expect(output.contains("A: connect()：主动打开  → A SYN_SENT，B CLOSED"))
        for english in ["why:", "quiz:", "error:", "numbers", "ISN"] {
            #expect(!output.contains(english), "\(english) in \(output)")
        }
    }

    @Test("the English timeline keeps its words")
    func englishUnchanged() throws {
        let result = try TutorProgram.run(["run", "connection-refused"])
        #expect(result.output.contains("ISN A 1044301777, B 600000000  (absolute numbers)"))
        #expect(result.output.contains("    quiz: flags seq ack"))
        #expect(result.output.contains("    why: "))
        #expect(result.output.contains("    A error: connection refused"))
        #expect(result.output.contains("A connect  → A SYN_SENT, B CLOSED"))
    }

    @Test("the word finder finds English and leaves notation alone")
    func wordFinder() {
        #expect(Self.englishWords(in: "    why: 连接不存在", lessonID: "x") == ["why"])
        #expect(
            Self.englishWords(
                in: "3.  IP 10.0.0.2.8080 > 10.0.0.1.52100: R. 0:0(0) ack 1044301778  → A CLOSED，B CLOSED",
                lessonID: "x"
            ).isEmpty)
        #expect(Self.englishWords(in: "1.  A: connect()：主动打开  → A SYN_SENT，B CLOSED", lessonID: "x").isEmpty)
        #expect(Self.englishWords(in: "连接被拒绝 [connection-refused]", lessonID: "connection-refused").isEmpty)
    }
}
