import LessonKit
import TCPCore
import TCPNotation
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The lesson screen at a question: it says who sends, shows nothing of the answer, and once answered shows the
/// answer wherever the student comes back to it.
@Suite struct AnsweredQuestionTests {
    /// The teardown lesson opened on the question about A's FIN, asked before `A close`.
    static func finQuestion() throws -> (session: TutorSession, label: String) {
        let timeline = try #require(try CurriculumScreenTests.timelines().first { $0.lessonID == "four-way-teardown" })
        let fin = try #require(timeline.frames.first { $0.wire?.segment.flags.contains(.fin) == true })
        let wire = try #require(fin.wire)
        var session = TutorSession(
            lessons: [LessonEntry(fileName: timeline.lessonID, content: .success(timeline))], animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.character("g")))
        for digit in String(timeline.questionLeadStart(before: fin.index) + 1) {
            _ = session.update(.key(.character(digit)))
        }
        _ = session.update(.key(.enter))
        #expect(session.player?.pendingQuiz == fin.quiz, "the question about A's FIN is asked")
        return (session, wire.segment.notation(base: timeline.numberBase(from: wire.from)))
    }

    @Test func theQuestionSaysWhoSendsAndShowsTheHostsBeforeTheClose() throws {
        let (session, label) = try Self.finQuestion()
        let text = ScreenRenderer.render(session, size: Size(width: 100, height: 30)).text
        #expect(text.contains("A → B: Which flags, seq, ack?"), "\(text)")
        #expect(text.contains("A: close()"), "the call that makes the segment is told")
        #expect(!text.contains("FIN_WAIT_1"), "\(text)")
        #expect(!text.contains(label), "\(text)")
        #expect(text.contains("? ? ?"))
    }

    @Test func backOntoAnAnsweredQuestionShowsItAnswered() throws {
        var (session, label) = try Self.finQuestion()
        for key in "F." { _ = session.update(.key(.character(key))) }
        _ = session.update(.key(.character("\t")))
        for key in "3626544837" { _ = session.update(.key(.character(key))) }
        _ = session.update(.key(.character("\t")))
        for key in "1739326487" { _ = session.update(.key(.character(key))) }
        _ = session.update(.key(.enter))
        #expect(session.answers.count == 1)
        // The answer moves on to the close (A in FIN_WAIT_1) with the feedback beside it; a key puts the
        // narration back, and Left goes back onto the question.
        #expect(session.player?.pendingQuiz == nil)
        #expect(session.player?.visibleFrame.host(.a).state == .finWait1)
        _ = session.update(.key(.right))
        #expect(session.feedbackOnScreen == nil)
        _ = session.update(.key(.left))
        #expect(session.player?.pendingQuiz != nil)
        let canvas = ScreenRenderer.render(session, size: Size(width: 100, height: 30))
        let text = canvas.text
        #expect(!text.contains("? ? ?"), "\(text)")
        #expect(text.contains(label), "the answer is on the wire: \(text)")
        // The hosts as at the question (the feedback below may name FIN_WAIT_1: it explains the answer).
        let states = canvas.line(4)
        #expect(states.components(separatedBy: "ESTABLISHED").count == 3, "\(states)")
        #expect(text.contains("right"), "the student's result is beside it: \(text)")
    }

    @Test func aListenersTCBShowsNoISSBeforeASynArrives() throws {
        // RFC 9293 §3.10.7.2 picks the ISS when the SYN arrives; before that the TCB view has none to show, and the
        // one the engine will use would answer the question about the SYN+ACK.
        let timeline = try #require(
            try CurriculumScreenTests.timelines().first { $0.lessonID == "three-way-handshake" })
        let listening = try #require(timeline.frames.first { $0.host(.b).state == .listen })
        var session = TutorSession(
            lessons: [LessonEntry(fileName: timeline.lessonID, content: .success(timeline))], animates: false)
        _ = session.update(.key(.enter))
        _ = session.update(.key(.character("g")))
        for digit in String(listening.index + 1) { _ = session.update(.key(.character(digit))) }
        _ = session.update(.key(.enter))
        _ = session.update(.key(.character("t")))
        let text = ScreenRenderer.render(session, size: Size(width: 100, height: 30)).text
        let iss = timeline.isn.b
        #expect(text.contains("LISTEN"))
        #expect(!text.contains(String(iss.rawValue)), "\(text)")
    }
}
