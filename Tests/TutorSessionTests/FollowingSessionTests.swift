import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

/// A student following the presenter: the presenter's steps move the screen, the student's keys do not; an answer
/// goes to the class and is graded on the student's screen only when the presenter reveals it.
@Suite("Following the presenter from a student's terminal")
struct FollowingSessionTests {
    /// The stop of the handshake's first question, as the presenter steps to it.
    static func firstQuestionPosition() throws -> Int {
        let player = LessonPlayer(timeline: BuiltInLessons.handshake)
        return try #require(player.stops.firstIndex { $0.phase == .question })
    }

    static func type(_ text: String, _ session: inout TutorSession) {
        for character in text { _ = session.update(.key(.character(character))) }
    }

    @Test("the presenter's step moves the screen; the student's stepping keys do nothing")
    func presenterSteps() throws {
        var session = TutorSession.following(BuiltInLessons.handshake)
        for key: Key in [.right, .pageDown, .space, .end, .character("g")] { _ = session.update(.key(key)) }
        #expect(session.player?.position == 0)
        #expect(session.dialog == nil)
        _ = session.update(.classStep(ClassStep(position: 2, revealed: false)))
        #expect(session.player?.position == 2)
        // A step that does not exist changes nothing.
        _ = session.update(.classStep(ClassStep(position: 999, revealed: false)))
        #expect(session.player?.position == 2)
        // The keys that are the student's own still work.
        _ = session.update(.key(.character("t")))
        #expect(session.showsTCB)
    }

    @Test("an answer is sent to the class, shows nothing of the right one, and is graded at the reveal")
    func answerWaitsForTheReveal() throws {
        let position = try Self.firstQuestionPosition()
        var session = TutorSession.following(BuiltInLessons.handshake)
        _ = session.update(.classStep(ClassStep(position: position, revealed: false)))
        #expect(session.panelHasFocus)
        // ack = A's ISN: forgetting that the SYN occupies one number.
        Self.type("B\tS.\t1739326486\t3626544836", &session)
        let effects = session.update(.key(.enter))
        let expected = QuizAnswer(
            sender: .b, flags: [.syn, .ack], seq: 1_739_326_486, ack: .number(3_626_544_836))
        #expect(effects == [.sendClassAnswer(position: position, expected)])
        #expect(session.isWaitingForReveal)
        #expect(session.panel == nil)
        #expect(session.feedbackOnScreen == nil)
        #expect(session.answers.isEmpty, "nothing is graded before the reveal")
        #expect(session.player?.position == position, "the student stays on the question")

        // The presenter reveals: the student's own answer is graded, with the mistake explained.
        let revealed = session.update(.classStep(ClassStep(position: position, revealed: true)))
        let feedback = try #require(session.feedbackOnScreen?.feedback)
        #expect(!feedback.isAllCorrect)
        let ack = try #require(feedback.feedback(for: .ack))
        #expect(!ack.isCorrect && ack.expected == "3626544837" && ack.note != nil)
        #expect(revealed.contains(.saveProgress(session.progress)))
        #expect(session.progress["three-way-handshake"]?.score?.answered == 1)
    }

    @Test("stepping past a question reveals it too; a question not answered is simply passed")
    func steppingOnReveals() throws {
        let position = try Self.firstQuestionPosition()
        var session = TutorSession.following(BuiltInLessons.handshake)
        _ = session.update(.classStep(ClassStep(position: position, revealed: false)))
        Self.type("B\tS.\t1739326486\t3626544837", &session)
        _ = session.update(.key(.enter))
        _ = session.update(.classStep(ClassStep(position: position + 1, revealed: false)))
        #expect(session.feedbackOnScreen?.feedback.isAllCorrect == true)

        var silent = TutorSession.following(BuiltInLessons.handshake)
        _ = silent.update(.classStep(ClassStep(position: position, revealed: false)))
        _ = silent.update(.classStep(ClassStep(position: position + 1, revealed: false)))
        #expect(silent.feedbackOnScreen == nil)
        #expect(silent.answers.isEmpty)
    }
}
