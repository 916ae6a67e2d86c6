import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TutorSession

/// Grading on the real lessons, run by the lesson runner on the engine.
@Suite("Quiz grading on the curriculum's timelines")
struct QuizCurriculumTests {
    @Test("every quiz point of every lesson: the engine's own answer is graded right, with reasons")
    func rightAnswers() throws {
        #expect(Curriculum.timelines.count >= 20)
        var asked = 0
        for timeline in Curriculum.timelines {
            for question in QuizQuestion.quizPoints(in: timeline) {
                let typed = Curriculum.rightAnswer(question)
                let answer = try AnswerParser.answer(typed, hosts: timeline.hosts.dictionary)
                var everything = question
                everything.fields = QuizField.allCases
                let feedback = QuizGrader.grade(everything, answer)
                #expect(feedback.isAllCorrect, "\(timeline.lessonID) line \(question.line): \(feedback.fields)")
                for field in feedback.fields {
                    #expect(!field.why.en.isEmpty && !field.why.zh.isEmpty)
                    #expect(field.why.en.contains("RFC 9293 §"), "\(timeline.lessonID) \(field.field)")
                }
                asked += 1
            }
        }
        #expect(asked >= 80)
    }

    @Test("a question on its own names the ISNs chosen so far: a SYN's seq can always be answered")
    func synSeqIsAnswerable() throws {
        var checked = 0
        for timeline in Curriculum.timelines where timeline.numbering == .absolute {
            for question in QuizQuestion.everySegment(in: timeline) {
                let prompt = try #require(QuizPanel(question: question).numberingPrompt(.seq))
                let segment = question.expected.segment
                // A host that has not left CLOSED or LISTEN and sent no SYN has chosen no ISN yet.
                #expect(prompt.en.contains("ISN ") == !question.chosenISNs.isEmpty)
                for (host, isn) in question.chosenISNs {
                    #expect(
                        prompt.en.contains("\(host) \(isn.rawValue)") && prompt.zh.contains("\(host) \(isn.rawValue)"))
                }
                guard segment.has(.syn) else { continue }
                if let clock = question.clocks[question.sender] {
                    // An ISN a clock gives is computed from the clock the prompt shows, never named (rule 12).
                    #expect(clock.value == segment.seq.rawValue && prompt.en.contains(clock.setting.en))
                    #expect(!prompt.en.contains(String(clock.value)))
                } else {
                    #expect(
                        question.chosenISNs[question.sender] == segment.seq,
                        "\(timeline.lessonID) line \(question.line): the SYN's seq is its sender's ISN, named in the question"
                    )
                }
                checked += 1
            }
        }
        #expect(checked >= 20)
        // The handshake's SYN: only A has chosen its ISN (B listens); at the SYN-ACK both have.
        let handshake = try Curriculum.timeline("three-way-handshake")
        let questions = QuizQuestion.quizPoints(in: handshake)
        #expect(questions[0].chosenISNs == [.a: handshake.isn.a])
        #expect(questions[1].chosenISNs == handshake.isn.dictionary)
    }

    @Test("with fresh ISNs, as in an exam, every quiz point still grades the engine's answer right")
    func freshISNs() throws {
        let isnSets: [[HostID: SequenceNumber]] = [
            [.a: SequenceNumber(4_294_967_290), .b: SequenceNumber(7)],
            [.a: SequenceNumber(2_147_483_648), .b: SequenceNumber(4_294_967_295)],
        ]
        for lesson in Curriculum.folder.lessons.keys.sorted() {
            for isn in isnSets {
                let timeline = try Curriculum.timeline(lesson, isn: isn)
                for question in QuizQuestion.quizPoints(in: timeline) {
                    let answer = try AnswerParser.answer(
                        Curriculum.rightAnswer(question), hosts: timeline.hosts.dictionary)
                    #expect(QuizGrader.grade(question, answer).isAllCorrect, "\(lesson) line \(question.line)")
                }
            }
        }
    }

    @Test("predict every segment: every off-by-one on every segment of every lesson is flagged and explained")
    func everyOffByOne() {
        var checked = 0
        for timeline in Curriculum.timelines {
            for question in QuizQuestion.everySegment(in: timeline) where question.expected.fate != .dropped {
                var wrong: [(QuizField, UInt32)] = [
                    (.seq, question.expectedTypedSeq &+ 1), (.seq, question.expectedTypedSeq &- 1),
                ]
                if case .number(let ack) = question.expectedTypedAck { wrong += [(.ack, ack &+ 1), (.ack, ack &- 1)] }
                for (field, value) in wrong {
                    let answer = field == .seq ? QuizAnswer(seq: value) : QuizAnswer(ack: .number(value))
                    let result = QuizGrader.grade(question, answer).fields.first { $0.field == field }!
                    let label = "\(timeline.lessonID) frame \(question.frameIndex) \(field) \(value)"
                    #expect(!result.isCorrect && result.mistake != nil, "\(label)")
                    #expect(result.note?.zh.isEmpty == false, "\(label)")
                    #expect(result.why.en.contains(result.expected), "\(label): \(result.why.en)")
                    checked += 1
                }
            }
        }
        #expect(checked > 400)
    }

    @Test("the seed's handshake and four-way teardown")
    func teardown() throws {
        let handshake = try Curriculum.timeline("three-way-handshake")
        let synAck = try #require(Curriculum.frame(handshake) { $0.segment.flags == [.syn, .ack] })
        try expectMistake(
            handshake, synAck, .ack, "3626544836", .synOccupiesOne, why: "3626544836 + 1 (SYN) = 3626544837")
        #expect(
            try grade(handshake, synAck, [.ack: "3626544836+1", .seq: "1739326486", .flags: "syn/ack"]).isAllCorrect)

        let close = try Curriculum.timeline("four-way-teardown")
        let finA = try #require(Curriculum.frame(close) { $0.from == .a && $0.segment.has(.fin) })
        let ackOfFin = try #require(Curriculum.frame(close) { $0.from == .b && $0.segment.flags == .ack })
        let finB = try #require(Curriculum.frame(close) { $0.from == .b && $0.segment.has(.fin) })
        let lastAck = try #require(
            Curriculum.frame(close) { $0.from == .a && $0.segment.ack?.rawValue == 1_739_326_488 })
        try expectMistake(close, finA, .flags, "FIN", .ackFlagForgotten, note: "F. (FIN+ACK)")
        try expectMistake(close, finA, .seq, "3626544838", .bareAckConsumesNothing, note: "bare ACK")
        try expectMistake(
            close, ackOfFin, .ack, "3626544837", .finOccupiesOne, why: "3626544837 + 1 (FIN) = 3626544838")
        try expectMistake(close, finB, .seq, "1739326488", .bareAckConsumesNothing)
        try expectMistake(close, finB, .state, "CLOSED", .timeWaitMissed)
        try expectMistake(close, lastAck, .state, "TIME_WAIT", .timeWaitOnWrongHost, note: "A sent the first FIN")
        try expectMistake(close, lastAck, .seq, "3626544837", .finOccupiesOne)
    }

    @Test("the server closes first: TIME_WAIT is B's")
    func serverClosesFirst() throws {
        let timeline = try Curriculum.timeline("server-closes-first")
        let last = try #require(timeline.frames.last { $0.wire != nil }?.index)
        #expect(timeline.frames[last].host(.a).state == .closed)
        try expectMistake(timeline, last, .state, "TIME_WAIT", .timeWaitOnWrongHost, note: "B sent the first FIN")
    }

    @Test("a three-segment close, a simultaneous open and a simultaneous close")
    func unusualOrders() throws {
        let three = try Curriculum.timeline("three-to-open-four-to-close")
        let finAck = try #require(
            three.frames.first { $0.transitions[.a]?.contains { $0.from == .finWait1 && $0.to == .timeWait } == true })
        try expectMistake(three, finAck.index, .state, "FIN_WAIT_2", .finAckSkipsFinWait2, note: "three segments")

        let open = try Curriculum.timeline("simultaneous-open")
        let synAtA = try #require(Curriculum.frame(open) { $0.from == .b && $0.segment.flags == .syn })
        try expectMistake(open, synAtA, .state, "ESTABLISHED", .simultaneousOpen)
        let synAck = try #require(Curriculum.frame(open) { $0.from == .a && $0.segment.flags == [.syn, .ack] })
        try expectMistake(open, synAck, .seq, "101", .ownSynFinCountedEarly)

        let close = try Curriculum.timeline("simultaneous-close")
        let firstFin = try #require(Curriculum.frame(close) { $0.segment.has(.fin) })
        try expectMistake(close, firstFin, .state, "TIME_WAIT", .simultaneousClose, note: "CLOSING")
        let secondFin = try #require(
            close.frames.filter { $0.wire?.segment.has(.fin) == true }.dropFirst().first?.index)
        try expectMistake(close, secondFin, .ack, "2", .crossedOnWire, note: "crossed")
        try expectMistake(close, secondFin, .ack, "3626544838", nil)
    }

    @Test("relative numbers, data and the wrap past 2^32")
    func numbers() throws {
        let relative = try Curriculum.timeline("relative-numbers")
        let synAck = try #require(Curriculum.frame(relative) { $0.segment.flags == [.syn, .ack] })
        #expect(try grade(relative, synAck, [.seq: "0", .ack: "1"]).isAllCorrect)
        try expectMistake(relative, synAck, .ack, "3626544837", .numberingMixUp, note: "relative numbers")

        let data = try Curriculum.timeline("data-transfer")
        let questions = QuizQuestion.everySegment(in: data)
        let second = try #require(
            questions.first { question in
                question.segment.payloadLength > 0 && (question.previousFromSender?.payloadLength ?? 0) > 0
            })
        let previous = try #require(second.previousFromSender)
        let typedPrevious = second.numbering.typed(previous.seq, .seq, sender: second.sender)
        try expectMistake(data, second.frameIndex, .seq, String(typedPrevious), .dataLengthNotAdded)

        let wrap = try Curriculum.timeline("sequence-wrap")
        let wrapAck = try #require(Curriculum.frame(wrap) { $0.segment.flags == [.syn, .ack] })
        let right = try grade(wrap, wrapAck, [.ack: "4294967295 + 1"])
        #expect(right.isAllCorrect && right.fields[0].why.en.contains("(modulo 2^32)"))
    }

    @Test("resets: connection refused, a stray ACK, an abort")
    func resets() throws {
        let refused = try Curriculum.timeline("connection-refused")
        let rstAck = try #require(Curriculum.frame(refused) { $0.segment.flags == [.rst, .ack] })
        try expectMistake(refused, rstAck, .flags, "R", .resetNeedsAck)
        try expectMistake(refused, rstAck, .seq, "1044301778", .resetSeqZero)
        #expect(try grade(refused, rstAck, [.flags: "R.", .seq: "0", .ack: "1044301777+1"]).isAllCorrect)
        let bareRst = try #require(Curriculum.frame(refused) { $0.segment.flags == .rst })
        try expectMistake(refused, bareRst, .flags, "RST,ACK", .resetWithAck, note: "<SEQ=SEG.ACK><CTL=RST>")
        try expectMistake(refused, bareRst, .ack, "1044301778", .ackWithoutAckFlag)

        let abort = try Curriculum.timeline("abort")
        let reset = try #require(Curriculum.frame(abort) { $0.segment.has(.rst) })
        try expectMistake(abort, reset, .flags, "R.", .resetWithAck)
    }
}
