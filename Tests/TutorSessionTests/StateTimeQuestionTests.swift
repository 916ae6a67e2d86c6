import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorStorage

@testable import TutorSession

/// `time` questions with their own moments: when a timer that sends nothing changes a state (TIME_WAIT's 2MSL,
/// RFC 9293 §3.10.8), and intervals measured from an application's call (the first data byte, lesson 35). Every
/// answer is read from the engine's virtual clock.
@Suite("Time questions on a state change and from a call")
struct StateTimeQuestionTests {
    /// Lesson 34's question on A's TIME_WAIT running out.
    static func timeWaitQuestion() throws -> (Timeline, QuizQuestion) {
        let timeline = try Curriculum.timeline("timing-questions")
        let question = try #require(QuizQuestion.quizPoints(in: timeline).first { $0.asksStateChange })
        return (timeline, question)
    }

    static func grade(_ question: QuizQuestion, _ typed: String) throws -> FieldFeedback {
        let answer = try AnswerParser.answer([.time: typed], hosts: question.hosts)
        return try #require(QuizGrader.grade(question, answer).feedback(for: .time))
    }

    @Test("when A reaches CLOSED: 2 × MSL after its last segment, when the timer fires inside the wait")
    func timeWaitAnswerComesFromTheTimer() throws {
        let (timeline, question) = try Self.timeWaitQuestion()
        let frame = timeline.frames[question.frameIndex]
        guard case .wait(let waited) = frame.event else {
            Issue.record("the question is not on a wait: \(frame.event)")
            return
        }
        let measure = try #require(question.measure)
        let twoMSL = 2 * EndpointConfiguration().maximumSegmentLifetime
        #expect(question.elapsed == twoMSL)
        // From A's last ACK, the segment shown before; the timer fired before the wait ended.
        #expect(question.expected.from == .a && question.expected.segment.flags == .ack)
        #expect(measure.start == question.expected.sentAt)
        #expect(measure.end == measure.start + twoMSL && measure.end < frame.time && waited > twoMSL)
        #expect(measure.leaving == .timeWait && measure.reason == .timeWaitExpired)
        #expect(frame.transitions[.a]?.last?.to == .closed)
    }

    @Test("graded in any unit; one MSL gets the note on why TIME_WAIT lasts two, not the doubling timeout")
    func timeWaitGrading() throws {
        let (_, question) = try Self.timeWaitQuestion()
        let minutes = question.elapsed / 60_000
        for typed in ["\(minutes) min", "\(question.elapsed / 1000)s", "\(question.elapsed) ms", "\(minutes)分钟"] {
            #expect(try Self.grade(question, typed).isCorrect, "\(typed)")
        }
        let oneMSL = try Self.grade(question, "\(question.elapsed / 2)ms")
        #expect(!oneMSL.isCorrect)
        let note = try #require(oneMSL.note)
        #expect(note.en.contains("one MSL") && note.en.contains("2 × MSL") && note.en.contains("§3.4.2"))
        #expect(note.zh.contains("2×MSL"))
        #expect(!note.en.contains("doubles"))
        // Twice the answer is no MSL mistake and no retransmission: no note.
        #expect(try Self.grade(question, "\(question.elapsed * 2)ms").note == nil)
        let right = try Self.grade(question, "\(minutes) min")
        #expect(right.why.en.contains("A: TIME_WAIT → CLOSED \(minutes) min after the segment before it"))
        #expect(right.why.en.contains("RFC 9293 §3.10.8") && right.rule == .timeWaitExpired)
        let hint = QuizHint.lines(.arithmetic, for: question).map(\.en).joined(separator: " ")
        #expect(hint.contains("TIME_WAIT ends") && hint.contains("which timer of A's changes its state"))
        #expect(!hint.contains("\(minutes) min"))
    }

    @Test("the question names the state A leaves, never the state it reaches nor the time, and no direction")
    func timeWaitWording() throws {
        let (timeline, question) = try Self.timeWaitQuestion()
        let point = try #require(timeline.frames[question.frameIndex].quiz)
        for language in Language.allCases {
            let text = QuestionWording.text(for: point, language, from: question.sender, to: question.receiver)
            #expect(text.contains("TIME_WAIT") && !text.contains("CLOSED") && !text.contains("→"), "\(text)")
            #expect(!text.contains("4"), "\(text)")
        }
        #expect(
            QuestionWording.text(for: point, .en) == "How long after the segment before it does A leave TIME_WAIT?")
    }

    @Test("in the lesson: asked before the wait with A in TIME_WAIT; the answer steps onto A CLOSED")
    func timeWaitInTheSession() throws {
        let (timeline, question) = try Self.timeWaitQuestion()
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "34-timing", content: .success(timeline))], animates: false)
        _ = session.update(.key(.enter))
        var presses = 0
        while session.player?.pendingQuiz?.measure == nil, presses < 200 {
            _ = session.update(.key(.pageDown))
            presses += 1
        }
        let player = try #require(session.player)
        #expect(player.stop.frameIndex == question.frameIndex && player.stop.phase == .question)
        #expect(player.visibleFrame.host(.a).state == .timeWait)
        #expect(session.panel?.question.asksStateChange == true && session.panelHasFocus)
        LessonQuizSessionTests.type("\(question.elapsed / 120_000) min", &session)
        let effects = session.update(.key(.enter))
        #expect(effects.contains(.saveProgress(session.progress)))
        let shown = try #require(session.feedbackOnScreen)
        #expect(!shown.feedback.isAllCorrect)
        #expect(shown.feedback.feedback(for: .time)?.note?.en.contains("one MSL") == true)
        #expect(session.player?.frame.index == question.frameIndex)
        #expect(session.player?.frame.host(.a).state == .closed)
        #expect(session.attempt?.points == 0)
    }

    @Test("lesson 35: the first data byte leaves one RTT after connect() and reaches B 1.5 RTT after it")
    func firstDataByte() throws {
        let timeline = try Curriculum.timeline("first-data-byte")
        let questions = QuizQuestion.quizPoints(in: timeline)
        try #require(questions.count == 2)
        // The link's one-way delay is what the lesson's waits stand for; the answers are the engine's clock.
        let oneWay = try #require(
            timeline.frames.compactMap { frame -> UInt64? in
                if case .wait(let milliseconds) = frame.event, milliseconds > 0 { return milliseconds }
                return nil
            }.first)
        let connect = try #require(
            timeline.frames.first { if case .call(.a, .connect) = $0.event { true } else { false } })
        let (leaves, arrives) = (questions[0], questions[1])
        #expect(leaves.measure?.since == .call(.a, "connect") && leaves.measure?.start == connect.time)
        #expect(leaves.elapsed == 2 * oneWay)
        #expect(leaves.measure?.until == .state(.a, .established) && leaves.timeRule == .handshakeAckCarriesData)
        // The data leaves at that very moment, on the third segment.
        let data = try #require(timeline.frames[arrives.frameIndex].wire)
        #expect(data.segment.payloadLength > 0 && data.sentAt - connect.time == leaves.elapsed)
        #expect(arrives.measure?.until == .arrival && arrives.elapsed == 3 * oneWay)
        #expect(arrives.expected.segment == data.segment)
        #expect(try Self.grade(arrives, "\(3 * oneWay) ms").isCorrect)
        #expect(try Self.grade(arrives, "\(2 * oneWay) ms").note == nil)
        let text = QuestionWording.text(
            for: try #require(timeline.frames[arrives.frameIndex].quiz), .en, from: arrives.sender,
            to: arrives.receiver)
        #expect(text == "A → B: How long after A's connect() does this segment arrive?")
    }

    @Test("exams ask the new kinds: drawn with fresh ISNs, answered from the clock, graded all right")
    func examsAskThem() throws {
        let parameters = ExamParameters(
            lessons: ["timing-questions", "first-data-byte"], questionCount: 5, minutes: 20)
        let lessons = Curriculum.folder
        let directory = ExamFixtures.directory()
        let exam = try LoggedSitting(
            directory: directory, key: ExamFixtures.key, studentID: "s1", parameters: parameters, lessons: lessons)
        try exam.begin()
        #expect(exam.questions.filter { $0.quiz.measure != nil }.count == 3)
        while let question = exam.currentQuestion {
            _ = try exam.submit(ExamFixtures.rightAnswer(question.quiz))
        }
        let report = try ExamGrader(key: ExamFixtures.key, lessons: lessons).grade(directories: [directory])
        #expect(report.students.map(\.status) == [.ok])
        #expect(report.students.allSatisfy { $0.total == $0.possible && $0.possible > 0 })
    }
}
