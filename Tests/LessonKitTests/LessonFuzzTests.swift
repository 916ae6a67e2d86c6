import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing

/// No input crashes the parser or the runner: random bytes, and real lessons cut, spliced and mutated.
@Suite("Fuzzing the lesson parser and runner")
struct LessonFuzzTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(max(bound, 1)))
        }
    }

    static let corpus: [String] = {
        Curriculum.files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }()

    static let tokens = [
        "A", "B", ">", ":", "S", "S.", "F.", "R", ".", "ack", "win", "4294967295", "0", "-1", "99999999999",
        "quiz", "expect", "drop", "inject", "wait", "1s", "say", "en:", "zh:", "{A.iss}", "{", "}", "#", "\n", " ",
        "listen", "connect", "close", "abort", "send", "read", "(", ")", "isn:", "hosts:", "[", "]", "同步", "\t",
    ]

    static let characters: [Character] = [">", ":", ".", "(", ")", "{", "}", "#", " ", "9", "0", "同", "\t", "é"]

    @Test("Random bytes, mutated lessons and token soup: every input ends in a lesson or in diagnostics")
    func fuzz() throws {
        #expect(Self.corpus.count > 5, "the curriculum was not found")
        var generator = Generator(state: 0x9E37_79B9)
        var parsed = 0
        var rejected = 0
        for round in 0..<3_000 {
            let text: String
            switch round % 3 {
            case 0:
                let bytes = (0..<generator.next(400)).map { _ in UInt8(generator.next(256)) }
                text = String(decoding: bytes, as: UTF8.self)
            case 1:
                var lines = Self.corpus[generator.next(Self.corpus.count)].split(
                    separator: "\n", omittingEmptySubsequences: false)
                for _ in 0..<(1 + generator.next(6)) where !lines.isEmpty {
                    let index = generator.next(lines.count)
                    switch generator.next(4) {
                    case 0: lines.remove(at: index)
                    case 1: lines.insert(lines[generator.next(lines.count)], at: index)
                    case 2:
                        var line = Array(lines[index])
                        if !line.isEmpty {
                            line[generator.next(line.count)] = Self.characters[generator.next(Self.characters.count)]
                        }
                        lines[index] = Substring(String(line))
                    default: lines[index] = Substring(Self.tokens[generator.next(Self.tokens.count)])
                    }
                }
                text = lines.joined(separator: "\n")
            default:
                text = (0..<generator.next(80)).map { _ in Self.tokens[generator.next(Self.tokens.count)] }.joined(
                    separator: generator.next(2) == 0 ? " " : "")
            }
            do {
                let lesson = try LessonParser.parse(text, file: "fuzz.lesson")
                let run = LessonRunner.run(lesson, fresh: FreshDraw.seeded(UInt64(round)))
                #expect(run.timeline.frames.count == lesson.steps.count + 1)
                parsed += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics { #expect(diagnostic.line >= 0 && diagnostic.column >= 0) }
                rejected += 1
            }
        }
        #expect(parsed > 50 && rejected > 1_000, "parsed \(parsed), rejected \(rejected)")
    }
}
