import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing

@testable import TutorSession

@Suite("Time questions")
struct TimeQuestionTests {
    static let spellings: [(String, UInt64)] = [
        ("240s", 240_000), ("240 s", 240_000), ("4min", 240_000), ("4 min", 240_000), ("4 minutes", 240_000),
        ("240000ms", 240_000), ("240000 ms", 240_000), ("1s", 1000), ("1 second", 1000), ("2 seconds", 2000),
        ("1.5s", 1500), ("1.5 min", 90_000), ("0.5 s", 500), ("2h", 7_200_000), ("4分钟", 240_000),
        ("１秒", 1000), ("1500毫秒", 1500), (" 60 S ", 60_000), ("4m", 240_000), ("2 sec", 2000),
    ]

    @Test("durations in every accepted spelling", arguments: spellings)
    func durationSpellings(text: String, milliseconds: UInt64) throws {
        #expect(try AnswerParser.duration(text) == milliseconds)
    }

    @Test("unreadable durations say what is wrong, where, in English and Chinese")
    func durationErrors() {
        let cases: [(String, Int, String)] = [
            ("", 0, "duration"), ("240", 3, "unit"), ("4 mins later", 2, "not a unit"), ("s", 0, "duration"),
            ("2MSL", 1, "not a unit"), ("1.0005 s", 0, "digits"), ("0.5ms", 0, "whole milliseconds"),
            ("abc", 0, "duration"),
        ]
        for (text, column, words) in cases {
            do {
                let value = try AnswerParser.duration(text)
                Issue.record("'\(text)' was read as \(value)")
            } catch {
                #expect(error.field == .time)
                #expect(error.column == column, "'\(text)'")
                #expect(error.message.en.contains(words), "'\(text)': \(error.message.en)")
                #expect(error.message.zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
            }
        }
    }

    /// The lesson's two `time` questions on retransmissions, as the engine ran them (the third, on TIME_WAIT, is
    /// `StateTimeQuestionTests`').
    static func questions() throws -> [QuizQuestion] {
        let timeline = try Curriculum.timeline("timing-questions")
        return QuizQuestion.quizPoints(in: timeline).filter { $0.fields == [.time] && $0.measure == nil }
    }

    @Test("the lesson's time questions are the engine's timeouts: the initial one, then doubled")
    func answersComeFromTheTimer() throws {
        let questions = try Self.questions()
        try #require(questions.count == 2)
        let timeout = EndpointConfiguration().retransmissionTimeout
        #expect(questions[0].elapsed == timeout)
        #expect(questions[1].elapsed == 2 * timeout)
        #expect(questions.allSatisfy { $0.expected.sentBecause == .retransmissionTimeout })
    }

    @Test("a right duration is right in any unit; half or twice it gets the doubling note")
    func grading() throws {
        let question = try #require(try Self.questions().last)
        let seconds = question.elapsed / 1000
        for typed in ["\(seconds)s", "\(question.elapsed)ms", "\(seconds) 秒"] {
            let answer = try AnswerParser.answer([.time: typed], hosts: question.hosts)
            let field = try #require(QuizGrader.grade(question, answer).feedback(for: .time))
            #expect(field.isCorrect, "\(typed)")
            #expect(field.note == nil)
        }
        for wrong in [question.elapsed / 2, question.elapsed * 2] {
            let field = try #require(QuizGrader.grade(question, QuizAnswer(time: wrong)).feedback(for: .time))
            #expect(!field.isCorrect)
            #expect(field.note?.en.contains("doubles") == true)
            #expect(field.note?.en.contains("RFC 6298 §5.5") == true)
        }
        let other = try #require(
            QuizGrader.grade(question, QuizAnswer(time: question.elapsed + 1000)).feedback(for: .time))
        #expect(!other.isCorrect)
        #expect(other.note == nil)
        #expect(other.expected == AnswerParser.durationText(question.elapsed))
        #expect(other.why.en.contains("RFC 9293 §3.8.1"))
    }
}
