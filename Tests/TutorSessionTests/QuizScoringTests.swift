import Foundation
import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

@Suite("Quiz hints, scoring, results and modes")
struct QuizScoringTests {
    static let scenarios: [(String, Timeline)] = [
        ("seed", Fixtures.seed().timeline), ("relative", Fixtures.seed(numbering: .relative).timeline),
        ("wrap", Fixtures.seed(isnA: 4_294_967_290, isnB: 4_294_967_295).timeline),
        ("data", Fixtures.dataBothWays().timeline), ("server", Fixtures.serverClosesFirst().timeline),
        ("three", Fixtures.threeSegmentClose().timeline), ("simclose", Fixtures.simultaneousClose().timeline),
        ("simopen", Fixtures.simultaneousOpen().timeline), ("refused", Fixtures.connectionRefused().timeline),
        ("stray", Fixtures.stray().timeline), ("abort", Fixtures.abortThenReconnect().timeline),
        ("duplicate", Fixtures.oldDuplicate().timeline),
    ]

    @Test("every off-by-one answer to every seq and ack is flagged, with an explanation in both languages")
    func everyOffByOneIsFlagged() throws {
        var checked = 0
        for (name, timeline) in Self.scenarios {
            for question in QuizQuestion.everySegment(in: timeline) {
                let seq = question.expectedTypedSeq
                var wrong: [(QuizField, UInt32)] = [(.seq, seq &+ 1), (.seq, seq &- 1)]
                if case .number(let ack) = question.expectedTypedAck {
                    wrong += [(.ack, ack &+ 1), (.ack, ack &- 1)]
                }
                for (field, value) in wrong {
                    var answer = QuizAnswer()
                    if field == .seq { answer.seq = value } else { answer.ack = .number(value) }
                    let feedback = QuizGrader.grade(question, answer).fields.first { $0.field == field }!
                    let label = "\(name) frame \(question.frameIndex) \(field) \(value)"
                    #expect(!feedback.isCorrect, "\(label)")
                    #expect(feedback.mistake != nil, "\(label) has no explanation")
                    #expect(feedback.note?.en.isEmpty == false && feedback.note?.zh.isEmpty == false, "\(label)")
                    #expect(feedback.why.en.contains(feedback.expected), "\(label): \(feedback.why.en)")
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
    }

    @Test("every rule is worded in English and Chinese, with its own title")
    func ruleWording() {
        var titles: Set<String> = []
        for rule in Rule.allCases {
            let wording = rule.wording
            #expect(!wording.title.en.isEmpty && !wording.explanation.en.isEmpty, "\(rule)")
            #expect(wording.title.zh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(rule)")
            #expect(wording.explanation.zh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(rule)")
            titles.insert(wording.title.en)
        }
        #expect(titles.count == Rule.allCases.count)
    }

    @Test("every mistake is explained in English and Chinese")
    func mistakeWording() throws {
        let seed = Fixtures.seed()
        let question = try #require(
            QuizQuestion(timeline: seed.timeline, frameIndex: seed.frames.finB, fields: [.seq, .ack]))
        for mistake in QuizMistake.allCases {
            for field in [QuizField.seq, .ack, .flags, .state] {
                let note = mistake.note(for: field, in: question)
                #expect(!note.en.isEmpty, "\(mistake)")
                #expect(note.zh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(mistake)")
            }
        }
    }

    @Test("hint level 1 names the rule; level 2 adds the arithmetic without the result")
    func hints() throws {
        let seed = Fixtures.seed()
        let question = try #require(
            QuizQuestion(timeline: seed.timeline, frameIndex: seed.frames.synAck, fields: [.flags, .seq, .ack, .state]))
        let rule = QuizHint.lines(.rule, for: question)
        #expect(
            rule.map(\.en) == [
                "Rule: LISTEN: a SYN arrives (RFC 9293 §3.10.7.2)",
                "Rule: SYN_SENT: a SYN-ACK arrives (RFC 9293 §3.10.7.3)",
            ])
        #expect(rule[0].zh == "规则：LISTEN 状态收到 SYN（RFC 9293 §3.10.7.2）")
        let arithmetic = QuizHint.lines(.arithmetic, for: question)
        #expect(arithmetic.count == 5)
        #expect(
            arithmetic.contains {
                $0.en == "ack = SEG.SEQ + SEG.LEN of A's segment S 3626544836:3626544836(0): "
                    + "3626544836 + 1 (SYN) = ?"
            })
        #expect(arithmetic.contains { $0.zh.hasSuffix("3626544836 + 1（SYN）= ?") })
        #expect(!arithmetic.contains { $0.en.contains("3626544837") })
        #expect(arithmetic.contains { $0.en == "state: A is in SYN_SENT when the segment arrives" })
    }

    @Test("scoring: points per kind of field, hints cost points, never below zero")
    func scoring() throws {
        let seed = Fixtures.seed()
        let typed: [QuizField: String] = [
            .sender: "B", .flags: "S.", .seq: "1739326486", .ack: "3626544836", .state: "ESTABLISHED",
        ]
        let noHint = try grade(seed.timeline, seed.frames.synAck, typed)
        #expect(noHint.score == QuestionScore(earned: 7, possible: 9, hint: nil, points: 7))
        let ruleHint = try grade(seed.timeline, seed.frames.synAck, typed, hint: .rule)
        #expect(ruleHint.score.points == 6)
        let arithmeticHint = try grade(seed.timeline, seed.frames.synAck, typed, hint: .arithmetic)
        #expect(arithmeticHint.score.points == 5)
        let allWrong = try grade(seed.timeline, seed.frames.synAck, [.sender: "A", .flags: "S"], hint: .arithmetic)
        #expect(allWrong.score == QuestionScore(earned: 0, possible: 3, hint: .arithmetic, points: 0))
        let unanswered = try grade(seed.timeline, seed.frames.synAck, [.seq: " "])
        #expect(unanswered.fields.count == 1 && unanswered.fields[0].given == nil && !unanswered.isAllCorrect)
        #expect(unanswered.score.points == 0)
        let model = ScoringModel(points: [.seq: 5], ruleHintCost: 2, arithmeticHintCost: 3)
        let question = try #require(QuizQuestion(timeline: seed.timeline, frameIndex: seed.frames.syn, fields: [.seq]))
        let custom = QuizGrader.grade(question, QuizAnswer(seq: 3_626_544_836), hint: .arithmetic, scoring: model)
        #expect(custom.score == QuestionScore(earned: 5, possible: 5, hint: .arithmetic, points: 0))
        let blank = QuizGrader.grade(question, QuizAnswer(), scoring: model)
        #expect(blank.fields[0].given == nil && !blank.fields[0].isCorrect)
    }

    @Test("results per lesson and per kind survive a JSON round trip")
    func results() throws {
        let seed = Fixtures.seed()
        let data = Fixtures.dataBothWays()
        var results = QuizResults()
        results.record(try grade(seed.timeline, seed.frames.syn, [.flags: "S", .seq: "3626544836", .ack: "none"]))
        results.record(try grade(seed.timeline, seed.frames.synAck, [.flags: "S", .ack: "3626544836"], hint: .rule))
        results.record(try grade(data.timeline, data.aAck, [.ack: "5002"], hint: .arithmetic))
        let lesson = try #require(results.lessons["seed"])
        #expect(lesson.questions == 2 && lesson.allCorrect == 1 && lesson.ruleHints == 1)
        #expect(lesson.points == 6 && lesson.possible == 10)
        #expect(lesson.byKind[.flags] == KindTally(asked: 2, correct: 1, earned: 2, possible: 4))
        #expect(lesson.byKind[.ack]?.correct == 1)
        #expect(lesson.mistakes == [.ackFlagForgotten: 1, .synOccupiesOne: 1])
        #expect(results.lessons["data"]?.arithmeticHints == 1)
        #expect(results.byKind[.ack] == KindTally(asked: 3, correct: 1, earned: 2, possible: 6))
        #expect(results.points == 6 && results.possible == 12)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(results)
        #expect(String(decoding: json, as: UTF8.self).contains("\"synOccupiesOne\":1"))
        #expect(try JSONDecoder().decode(QuizResults.self, from: json) == results)
    }

    @Test("predict-every-segment mode asks flags, seq and ack of every segment frame")
    func everySegment() {
        let timeline = Fixtures.seed().timeline
        let questions = QuizQuestion.everySegment(in: timeline)
        #expect(questions.count == timeline.frames.compactMap(\.wire).count)
        #expect(questions.count == 9)
        #expect(questions.allSatisfy { $0.fields == [.flags, .seq, .ack] })
        #expect(questions.map(\.frameIndex) == timeline.frames.filter { $0.wire != nil }.map(\.index))
        let quizPoints = QuizQuestion.quizPoints(in: timeline)
        #expect(quizPoints.count == 9)
        #expect(quizPoints.first?.line == 100 + questions[0].frameIndex)
        #expect(QuizQuestion(timeline: timeline, frameIndex: 0, fields: [.seq]) == nil)
    }
}

extension KindTally {
    init(asked: Int, correct: Int, earned: Int, possible: Int) {
        self.init()
        self.asked = asked
        self.correct = correct
        self.earned = earned
        self.possible = possible
    }
}
