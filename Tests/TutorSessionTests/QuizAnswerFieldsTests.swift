import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession

/// A follower's answer travels on the class link as field texts: every answer a student can give reads back as
/// itself, and the texts are what a student could have typed.
@Suite("Quiz answers as field texts, for the class link")
struct QuizAnswerFieldsTests {
    static func roundTrip(_ answer: QuizAnswer) throws -> QuizAnswer {
        try QuizAnswer(fieldTexts: answer.fieldTexts)
    }

    @Test("every combination of the eight flags, and none, reads back the same")
    func flags() throws {
        for raw in UInt8.min...UInt8.max {
            let answer = QuizAnswer(flags: TCPFlags(rawValue: raw))
            #expect(try Self.roundTrip(answer) == answer, "flags \(raw): \(answer.fieldTexts)")
        }
        #expect(QuizAnswer(flags: []).fieldTexts == ["flags": "none"])
        #expect(QuizAnswer(flags: [.syn, .ack]).fieldTexts == ["flags": "S."])
    }

    @Test("an ack that is absent is not an ack of 0; numbers at the edges of 32 bits")
    func numbers() throws {
        let absent = QuizAnswer(ack: .absent)
        #expect(absent.fieldTexts == ["ack": "-"])
        #expect(try Self.roundTrip(absent) == absent)
        for value: UInt32 in [0, 1, 1_739_326_486, UInt32.max] {
            let answer = QuizAnswer(seq: value, ack: .number(value), len: value)
            #expect(try Self.roundTrip(answer) == answer)
        }
        #expect(try Self.roundTrip(QuizAnswer(ack: .number(0))) != absent)
    }

    @Test("senders, every state name and durations in every unit read back the same")
    func sendersStatesDurations() throws {
        for host in HostID.allCases {
            #expect(try Self.roundTrip(QuizAnswer(sender: host)) == QuizAnswer(sender: host))
        }
        for state in ConnectionState.allCases {
            let answer = QuizAnswer(state: state)
            #expect(try Self.roundTrip(answer) == answer, "\(state)")
        }
        for milliseconds: UInt64 in [0, 1, 999, 1000, 1500, 60_000, 240_000, 3_600_000, 7_200_001, 999_999_999_999] {
            let answer = QuizAnswer(time: milliseconds)
            #expect(try Self.roundTrip(answer) == answer, "\(milliseconds) ms as \(answer.fieldTexts)")
        }
        #expect(QuizAnswer(time: 240_000).fieldTexts == ["time": "4 min"])
    }

    @Test("a whole answer with every field, and the empty answer")
    func wholeAnswers() throws {
        let whole = QuizAnswer(
            sender: .b, flags: [.fin, .psh, .ack], seq: 4001, ack: .number(1000), len: 100, state: .closeWait,
            time: 200)
        #expect(try Self.roundTrip(whole) == whole)
        #expect(QuizAnswer().fieldTexts.isEmpty)
        #expect(try Self.roundTrip(QuizAnswer()) == QuizAnswer())
    }

    @Test("an unknown field name or an unreadable text is an error naming it")
    func refused() throws {
        let unknown = try #require(throws: AnswerError.self) { try QuizAnswer(fieldTexts: ["window": "100"]) }
        #expect(unknown.message.en.contains("'window' is not an answer field"))
        let bad = try #require(throws: AnswerError.self) { try QuizAnswer(fieldTexts: ["state": "OPEN"]) }
        #expect(bad.field == .state)
    }
}
