import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The presenter leading a class that follows on its own terminals: every step goes to the followers, the count
/// of answers shows while a question is asked, and the reveal shows the class's answers beside the engine's.
@Suite struct PresenterClassroomTests {
    /// The handshake presented to a class of `students`, stepped to its first question.
    static func atFirstQuestion(students: Int) throws -> PresenterSession {
        var session = PresenterSession(
            timeline: BuiltInLessons.handshake, language: .en, classroom: Classroom(students: students))
        for _ in 0..<20 where session.player.pendingQuiz == nil { _ = session.update(.key(.pageDown)) }
        try #require(session.player.pendingQuiz != nil)
        return session
    }

    @Test("each step the presenter takes is sent to the followers, once, and only with a class")
    func stepsAreSentOn() throws {
        var session = PresenterSession(
            timeline: BuiltInLessons.handshake, language: .en, classroom: Classroom(students: 3))
        let effects = session.update(.key(.pageDown))
        #expect(effects == [.showClassStep(ClassStep(position: session.player.position, revealed: false))])
        // A key that changes nothing on screen sends nothing.
        #expect(session.update(.key(.character("?"))) == [])
        var alone = PresenterSession(timeline: BuiltInLessons.handshake, language: .en)
        #expect(alone.update(.key(.pageDown)) == [])
    }

    @Test("while asked, the screen counts the answers; revealed, it shows the class's values and the right one")
    func answersAreCountedThenTallied() throws {
        var session = try Self.atFirstQuestion(students: 25)
        let position = session.player.position
        let point = try #require(session.player.pendingQuiz)
        let question = try #require(
            QuizQuestion(
                timeline: session.timeline, frameIndex: session.player.stop.frameIndex, fields: point.fields))
        let right = QuizAnswer(
            flags: question.segment.flags, seq: question.expectedTypedSeq, ack: question.expectedTypedAck)
        var wrong = right
        wrong.flags = [.ack]
        for (student, answer) in [("ana", right), ("bo", right), ("chen", wrong)] {
            _ = session.update(.classroom(.answer(student: student, position: position, answer)))
        }
        // A student who changes their mind is counted once.
        _ = session.update(.classroom(.answer(student: "chen", position: position, right)))
        _ = session.update(.classroom(.answer(student: "dara", position: position, wrong)))
        #expect(session.answeredSoFar?.answered == 4)
        #expect(session.answeredSoFar?.students == 25)
        let asked = PresenterRenderer.render(session, size: Size(width: 160, height: 50)).text
        #expect(asked.contains("4 of 25 answered"))
        #expect(!asked.contains("Class answers"))

        // Enter reveals (here with the segment crossing, the next stop), and every follower is told.
        let effects = session.update(.key(.enter))
        #expect(effects == [.showClassStep(session.classStep)])
        #expect(session.classStep != ClassStep(position: position, revealed: false))
        let tally = try #require(session.revealedTally)
        #expect(tally.answered == 4)
        let flags = try #require(tally.fields.first { $0.field == .flags })
        #expect(flags.correct == 3)
        let revealed = PresenterRenderer.render(session, size: Size(width: 160, height: 50)).text
        #expect(revealed.contains("Class answers: 4 of 25 answered"))
        let flagsRow = try #require(revealed.split(separator: "\n").first { $0.contains("flags   ") })
        #expect(flagsRow.contains("\(question.segment.flags.tcpdump) ") && flagsRow.contains(" 3 ✓"))
        #expect(flagsRow.contains(" . ") && flagsRow.hasSuffix(" 1"))
        // The sender was left blank by all four: its row says so, and gives the engine's value.
        let senderRow = try #require(revealed.split(separator: "\n").first { $0.contains("sender  ") })
        #expect(senderRow.contains("right: B") && senderRow.contains("blank 4"))
        #expect(revealed.contains("Most common wrong answer: flags . (1 of 4)."))
    }

    @Test("in Chinese the count and the tally are in Chinese")
    func chinese() throws {
        var session = try Self.atFirstQuestion(students: 2)
        _ = session.update(.key(.character("l")))
        let position = session.player.position
        _ = session.update(.classroom(.answer(student: "li", position: position, QuizAnswer(flags: [.syn]))))
        #expect(PresenterRenderer.render(session, size: Size(width: 160, height: 50)).text.contains("2 人中 1 人已作答"))
        _ = session.update(.key(.enter))
        #expect(PresenterRenderer.render(session, size: Size(width: 160, height: 50)).text.contains("全班作答"))
    }
}
