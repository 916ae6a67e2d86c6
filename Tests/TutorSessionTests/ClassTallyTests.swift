import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

@Suite("A class's answers to one question: histograms per field, the right value, the most common mistake")
struct ClassTallyTests {
    /// The seed's SYN+ACK (B answers A's SYN), asked for flags, seq and ack.
    static func synAckQuestion() throws -> QuizQuestion {
        let seed = Fixtures.seed()
        return try #require(
            QuizQuestion(timeline: seed.timeline, frameIndex: seed.frames.synAck, fields: [.flags, .seq, .ack]))
    }

    @Test("each field counts every value given, most given first, the engine's value marked and blanks apart")
    func histogramsPerField() throws {
        let question = try Self.synAckQuestion()
        guard case .number(let ack) = question.expectedTypedAck else { throw TallyError.noAck }
        let seq = question.expectedTypedSeq
        let right = QuizAnswer(flags: question.segment.flags, seq: seq, ack: .number(ack))
        // Two students acknowledge A's ISN itself instead of the next number, one gives only flags.
        var ackIsISN = right
        ackIsISN.ack = .number(ack &- 1)
        let flagsOnly = QuizAnswer(flags: [.syn])
        let tally = ClassTally(
            question: question, answers: [right, right, right, ackIsISN, ackIsISN, flagsOnly], students: 25)

        #expect(tally.answered == 6)
        #expect(tally.students == 25)
        let flags = try #require(tally.fields.first { $0.field == .flags })
        #expect(flags.expected == "S.")
        #expect(
            flags.bars == [
                ClassTally.Bar(value: "S.", count: 5, isCorrect: true), .init(value: "S", count: 1, isCorrect: false),
            ])
        let acks = try #require(tally.fields.first { $0.field == .ack })
        #expect(acks.bars.map(\.value) == [String(ack), String(ack &- 1)])
        #expect(acks.bars.map(\.count) == [3, 2])
        #expect(acks.correct == 3)
        #expect(acks.blank == 1)
        let seqs = try #require(tally.fields.first { $0.field == .seq })
        #expect(seqs.bars == [ClassTally.Bar(value: String(seq), count: 5, isCorrect: true)])
        #expect(seqs.blank == 1)
    }

    @Test("the most common wrong value is named with the grader's note on it and the rule's RFC section")
    func mostCommonMistake() throws {
        let question = try Self.synAckQuestion()
        guard case .number(let ack) = question.expectedTypedAck else { throw TallyError.noAck }
        var ackIsISN = QuizAnswer(flags: question.segment.flags, seq: question.expectedTypedSeq, ack: .number(ack &- 1))
        let synOnly = QuizAnswer(flags: [.syn], seq: question.expectedTypedSeq, ack: .number(ack))
        let tally = ClassTally(question: question, answers: [ackIsISN, ackIsISN, ackIsISN, synOnly], students: 4)
        let mistake = try #require(tally.commonMistake)
        #expect(mistake.field == .ack)
        #expect(mistake.value == String(ack &- 1))
        #expect(mistake.count == 3)
        // The same words a student who gave that value reads in their own feedback.
        let own = try #require(QuizGrader.grade(question, ackIsISN).feedback(for: .ack))
        #expect(mistake.explanation == (own.note ?? own.why))
        #expect(!mistake.explanation.en.isEmpty && !mistake.explanation.zh.isEmpty)
        #expect(mistake.rule?.section.hasPrefix("§3.") == true)
        ackIsISN.ack = .number(ack)
        #expect(ClassTally(question: question, answers: [ackIsISN], students: 1).commonMistake == nil)
    }

    @Test("nobody has answered yet: every field is empty and the class size is kept")
    func noAnswers() throws {
        let tally = ClassTally(question: try Self.synAckQuestion(), answers: [], students: 12)
        #expect(tally.answered == 0)
        #expect(tally.students == 12)
        #expect(tally.fields.allSatisfy { $0.bars.isEmpty && $0.blank == 0 })
        #expect(tally.commonMistake == nil)
    }

    enum TallyError: Error { case noAck }
}
