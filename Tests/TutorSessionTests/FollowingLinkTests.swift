import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TutorSession

/// What a follower's answer becomes on its way to the instructor, and what the student sees when it cannot go.
@Suite("A follower's answer on its way to the instructor")
struct FollowingLinkTests {
    static func atFirstQuestion() throws -> (TutorSession, Int) {
        let position = try FollowingSessionTests.firstQuestionPosition()
        var session = TutorSession.following(BuiltInLessons.handshake)
        _ = session.update(.classStep(ClassStep(position: position, revealed: false)))
        return (session, position)
    }

    @Test("numbers typed in relative numbering go to the class in the lesson's own, where the tally grades them")
    func numbersInTheLessonsNumbering() throws {
        var (session, position) = try Self.atFirstQuestion()
        let timeline = BuiltInLessons.handshake
        // The student switches the screen to the other numbering and answers in it.
        _ = session.update(.key(.escape))
        _ = session.update(.key(.character("r")))
        #expect(session.numbering != timeline.numbering)
        let question = try #require(session.panel?.question)
        let typed = RightAnswer.typed(question)
        let effects = session.sendTypedToClass(typed)
        guard case .sendClassAnswer(let sentPosition, let sent)? = effects.first else {
            Issue.record("no answer sent: \(effects)")
            return
        }
        #expect(sentPosition == position)
        // Graded as the instructor's tally grades it: in the lesson's numbering, all right.
        let lessonQuestion = try #require(
            QuizQuestion(timeline: timeline, frameIndex: question.frameIndex, fields: question.fields))
        #expect(QuizGrader.grade(lessonQuestion, sent).isAllCorrect)
        #expect(sent.seq != (try AnswerParser.answer(typed, hosts: question.hosts)).seq)
    }

    @Test("an answer that cannot reach the instructor is taken back: the panel returns and the student is told")
    func failedAnswer() throws {
        var (session, position) = try Self.atFirstQuestion()
        let question = try #require(session.panel?.question)
        let effects = session.sendTypedToClass(RightAnswer.typed(question))
        let effect = try #require(effects.first)
        #expect(session.isWaitingForReveal)
        _ = session.update(.failed(effect, reason: "the class server is gone (the link closed)"))
        #expect(!session.isWaitingForReveal)
        #expect(session.following?.sent[position] == nil)
        #expect(session.panel != nil, "the student may send it again")
        #expect(
            session.notice?.en == "Your answer did not reach the instructor: the class server is gone (the link closed)"
        )
    }

    @Test("typed lines that cannot be read are kept in the panel with their error, and nothing is sent")
    func unreadableTyped() throws {
        var (session, _) = try Self.atFirstQuestion()
        #expect(session.sendTypedToClass([.flags: "SYN", .seq: "twelve"]).isEmpty)
        #expect(session.panel?.errors[.seq] != nil)
        #expect(!session.isWaitingForReveal)
    }
}
