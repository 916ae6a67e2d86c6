import ClassLink
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession

@testable import ClassStore

/// A follow class with the real program: one instructor and two students, each a real `tcptutor --plain` on its
/// own class link, the server's side played by `FollowClassServer` around a `FollowRelay`.
@Suite("A follow class: the real tutor as the instructor and as students")
struct FollowClassTests {
    static let lesson = "three-way-handshake"

    @Test(
        "students see the instructor's step, their answers reach the instructor's count, feedback comes at the reveal, a late joiner lands on the current step"
    )
    func followClass() throws {
        let home = try TemporaryFolder.make("follow-class")
        defer { try? FileManager.default.removeItem(at: home) }
        let (position, question) = try Curriculum.firstQuestion(Self.lesson)
        let server = FollowClassServer(lesson: Self.lesson)
        server.start()

        let instructor = try LinkedTutor.start(["--plain"], home: home)
        server.add(instructor.serverEnd, as: .instructor)
        try instructor.waitFor("Step 1 of")
        let ada = try LinkedTutor.start(["--plain"], home: home)
        server.add(ada.serverEnd, as: .follower(.init(session: 1, student: "ada")))
        let bob = try LinkedTutor.start(["--plain"], home: home)
        server.add(bob.serverEnd, as: .follower(.init(session: 2, student: "bob")))
        for student in [ada, bob] { try student.waitFor("Step 1 of") }

        // The instructor steps to the first question; both students are asked it, field by field.
        instructor.type(String(repeating: "\n", count: position))
        try instructor.waitFor("0 of 2 answered")
        let fields = question.fields
        for student in [ada, bob] { try student.waitFor("Quiz:") }
        let right = RightAnswer.typed(question)
        var wrong = right
        wrong[.ack] = right[.ack] == "none" ? "1" : "none"
        if !fields.contains(.ack) { wrong[fields[0]] = "R" }
        ada.type(fields.map { right[$0] ?? "" }.joined(separator: "\n") + "\n")
        try instructor.waitFor("1 of 2 answered")
        bob.type(fields.map { wrong[$0] ?? "" }.joined(separator: "\n") + "\n")
        try instructor.waitFor("2 of 2 answered")
        for student in [ada, bob] {
            let printed = try student.waitFor("Your answer is sent")
            #expect(!printed.contains(" points"), "no feedback before the reveal:\n\(printed)")
        }

        // A student who comes late lands on the question where the class is.
        let cy = try LinkedTutor.start(["--plain"], home: home)
        server.add(cy.serverEnd, as: .follower(.init(session: 3, student: "cy")))
        let late = try cy.waitFor("Quiz:")
        #expect(!late.contains("Step 1 of"), "the late joiner starts on the current step:\n\(late)")
        try instructor.waitFor("2 of 3 answered")

        // The reveal: the tally on the instructor's side, each student's own feedback on theirs.
        instructor.type("\n")
        let tally = try instructor.waitFor("Class answers: 2 of 3 answered")
        #expect(tally.contains("✓"), "\(tally)")
        let adaFeedback = try ada.waitFor(" points")
        let bobFeedback = try bob.waitFor(" points")
        #expect(!adaFeedback.contains("wrong"), "\(adaFeedback)")
        #expect(bobFeedback.contains("wrong"), "\(bobFeedback)")
        #expect(!cy.printed().contains(" points"), "a student who sent nothing is graded on nothing")

        // The class ends: every tutor says so and leaves, its progress saved on the server.
        let relay = server.end(reason: "the instructor ended the class")
        for tutor in [instructor, ada, bob, cy] {
            let printed = try tutor.finish()
            #expect(printed.contains("the class is ending: the instructor ended the class"), "\(printed)")
        }
        #expect(relay.answered(at: UInt32(position)) == 2)
        let answers = server.messages().compactMap { role, message -> String? in
            if case .classAnswer = message, case .follower(let follower) = role { return follower.student }
            return nil
        }
        #expect(answers.sorted() == ["ada", "bob"])
        let saves = server.messages().filter { if case .saveProgress = $0.1 { true } else { false } }
        #expect(saves.count >= 3, "each student's progress goes to the server")
    }
}
