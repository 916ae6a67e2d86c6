import LessonKit
import TCPCore
import Testing

@testable import TutorSession

/// The space bar pressed to go on, as it reaches an answer field that has just opened.
@Suite("Space at an answer field")
struct AnswerFieldSessionTests {
    @Test("stepping with Space onto a question and pressing it again types nothing into the field")
    func spaceAtALessonQuestion() throws {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))],
            animates: false)
        _ = session.update(.key(.enter))
        var presses = 0
        while session.panel == nil, presses < 10 {
            _ = session.update(.key(.space))
            presses += 1
        }
        #expect(session.panelHasFocus, "the panel opened with the keys")
        let stop = session.player?.stop
        for _ in 0..<3 { #expect(session.update(.key(.space)) == []) }
        let panel = try #require(session.panel)
        #expect(panel.inputs.allSatisfy { $0.text.isEmpty }, "\(panel.inputs.map(\.text))")
        #expect(session.player?.stop == stop, "the question is still asked")
        // The answer typed next is what counts: no blanks in front of it.
        for character in "B" { _ = session.update(.key(.character(character))) }
        #expect(session.panel?.input(.sender)?.text == "B")
    }

    @Test("Space to go on after feedback, then again on the next question: the field stays empty")
    func spaceAfterFeedbackInAQuizRun() throws {
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: true)
        #expect(items.count >= 2)
        var session = QuizSession(items: items, language: .en, animates: false)
        _ = session.update(.key(.escape))
        _ = session.update(.key(.space))  // skipped, scored as no answer
        guard case .feedback = session.phase else {
            Issue.record("skipping shows the feedback")
            return
        }
        _ = session.update(.key(.space))  // go on
        guard case .asking = session.phase else {
            Issue.record("Space after the feedback asks the next question")
            return
        }
        for _ in 0..<2 { _ = session.update(.key(.space)) }
        let panel = try #require(session.panel)
        #expect(panel.inputs.allSatisfy { $0.text.isEmpty }, "\(panel.inputs.map(\.text))")
    }

    @Test("in the feedback, Tab opens the next field's explanation and Shift-Tab the previous one")
    func shiftTabInTheFeedback() throws {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))],
            animates: false)
        for key: Key in [.enter, .right, .right, .right, .right] { _ = session.update(.key(key)) }
        for character in "B\tS.\t1739326486\t3626544837" { _ = session.update(.key(.character(character))) }
        _ = session.update(.key(.enter))
        #expect(session.feedbackOnScreen?.selected == 0, "all right: the first field's explanation is open")
        _ = session.update(.key(.character("\t")))
        #expect(session.feedbackOnScreen?.selected == 1)
        _ = session.update(.key(.backTab))
        #expect(session.feedbackOnScreen?.selected == 0)
    }
}
