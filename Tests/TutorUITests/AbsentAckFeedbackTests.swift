import LessonKit
import TCPCore
import Testing
import TutorSession

@testable import TutorUI

/// A segment without the ACK flag has no ack number: feedback says `none` in English and 无 in Chinese, on the
/// answer panel and in the plain lines alike.
@Suite("Feedback on an absent ack number")
struct AbsentAckFeedbackTests {
    /// The graded ack of the handshake's SYN (which has no ACK flag), answered with `typed`.
    static func synAck(_ typed: String) throws -> QuizFeedback {
        let timeline = BuiltInLessons.handshake
        let frame = try #require(
            timeline.frames.firstIndex { $0.wire.map { $0.segment.has(.syn) && $0.segment.ack == nil } ?? false })
        let question = try #require(QuizQuestion(timeline: timeline, frameIndex: frame, fields: [.ack]))
        return QuizGrader.grade(question, try AnswerParser.answer([.ack: typed], hosts: timeline.hosts.dictionary))
    }

    /// The graded ack of the handshake's SYN-ACK (which has one), answered with `typed`.
    static func synAckAck(_ typed: String) throws -> QuizFeedback {
        let timeline = BuiltInLessons.handshake
        let frame = try #require(
            timeline.frames.firstIndex { $0.wire.map { $0.segment.has(.syn) && $0.segment.ack != nil } ?? false })
        let question = try #require(QuizQuestion(timeline: timeline, frameIndex: frame, fields: [.ack]))
        return QuizGrader.grade(question, try AnswerParser.answer([.ack: typed], hosts: timeline.hosts.dictionary))
    }

    @Test("the right answer 'no ack' reads 无 in Chinese and none in English")
    func expectedNone() throws {
        let feedback = try Self.synAck("5")
        let zh = PlainQuestionText.feedback(feedback, strings: Strings(.zh)).joined(separator: "\n")
        #expect(zh.contains("  错误：确认号 你的答案：5；正确答案：无"), "\(zh)")
        #expect(!zh.contains("none"), "\(zh)")
        let en = PlainQuestionText.feedback(feedback, strings: Strings(.en)).joined(separator: "\n")
        #expect(en.contains("  wrong: ack you: 5; right: none"), "\(en)")
    }

    @Test("a typed 'no ack' reads 无 in Chinese, right or wrong")
    func givenNone() throws {
        let right = PlainQuestionText.feedback(try Self.synAck("-"), strings: Strings(.zh)).joined(separator: "\n")
        #expect(right.contains("  正确：确认号 无"), "\(right)")
        let wrong = PlainQuestionText.feedback(try Self.synAckAck("无"), strings: Strings(.zh)).joined(separator: "\n")
        #expect(wrong.contains("你的答案：无；正确答案："), "\(wrong)")
        #expect(!wrong.contains("none"), "\(wrong)")
    }

    @Test("the Chinese note on a missing ACK flag tells what to type in Chinese")
    func noteSaysWu() throws {
        let feedback = try Self.synAck("5")
        let note = try #require(feedback.feedback(for: .ack)?.note)
        #expect(note.zh.contains("应回答“无”"), "\(note.zh)")
        #expect(!note.zh.contains("none"), "\(note.zh)")
    }
}
