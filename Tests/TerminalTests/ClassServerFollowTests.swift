import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession

/// A follow class on the class server with nothing but `ssh`: the instructor (key login) leads a lesson, every
/// student's tutor follows it, their answers reach the instructor's count and the tally at the reveal, and a
/// student who comes late lands on the current step.
@Suite struct ClassServerFollowTests {
    static let lesson = "three-way-handshake"
    typealias Login = ClassServerExamTests.PlainLogin

    @Test func studentsFollowTheInstructorAnswerAndTheInstructorSeesTheTally() throws {
        try #require(ClassServerAccessTests.toolsAvailable(), "\(ClassServerAccessTests.missingTools)")
        let folder = try TemporaryFolder.make("tcptutor-class-follow")
        defer { try? FileManager.default.removeItem(at: folder) }
        let listed = try ClassServerAccessTests.makeKey("teacher", in: folder.path)
        try "\(listed)\n".write(toFile: folder.path + "/instructors", atomically: true, encoding: .utf8)
        let server = try ClassServerProcess(
            dataFolder: folder.path + "/class",
            options: ["--open", "--follow", Self.lesson, "--instructor-key", folder.path + "/instructors"])
        #expect(server.output.contains("Follow: \(Self.lesson)"), "\(server.output)")
        let (position, question) = try Curriculum.firstQuestion(Self.lesson)

        let instructor = try Login(server, user: "instructor", folder: folder.path, keyFile: folder.path + "/teacher")
        try instructor.waitFor("Step 1 of")
        let ada = try Login(server, user: "ada", folder: folder.path)
        let bob = try Login(server, user: "Bob", folder: folder.path)
        for student in [ada, bob] { try student.waitFor("Step 1 of") }

        // The instructor steps to the first question; both students are asked it.
        try instructor.type(String(repeating: "\n", count: position))
        try instructor.waitFor("0 of 2 answered")
        for student in [ada, bob] { try student.waitFor("Quiz:") }
        let right = RightAnswer.typed(question)
        var wrong = right
        wrong[.ack] = right[.ack] == "none" ? "1" : "none"
        if !question.fields.contains(.ack) { wrong[question.fields[0]] = "R" }
        try ada.type(question.fields.map { right[$0] ?? "" }.joined(separator: "\n") + "\n")
        try instructor.waitFor("1 of 2 answered")
        try bob.type(question.fields.map { wrong[$0] ?? "" }.joined(separator: "\n") + "\n")
        try instructor.waitFor("2 of 2 answered")

        // A student who comes late lands on the question where the class is.
        let cy = try Login(server, user: "cy", folder: folder.path)
        try cy.waitFor("Quiz:")
        #expect(!cy.output.contains("Step 1 of"), "the late student starts on the current step:\n\(cy.output)")
        try instructor.waitFor("2 of 3 answered")

        // A student whose connection drops leaves the class: the instructor's count says so, their answer kept.
        // SIGKILL: the test's threads may block SIGTERM, and a child inherits what its parent blocks.
        kill(cy.process.processIdentifier, SIGKILL)
        try Self.waitFor("2 of 2 answered", times: 2, in: instructor)

        // The reveal: the class's tally on the instructor's screen, each student's own feedback on theirs.
        try instructor.type("\n")
        try instructor.waitFor("Class answers: 2 of 2 answered")
        #expect(instructor.output.contains("✓"), "the right answer is marked:\n\(instructor.output)")
        try ada.waitFor(" points")
        try bob.waitFor(" points")
        #expect(!ada.output.contains("wrong"), "\(ada.output)")
        #expect(bob.output.contains("wrong"), "\(bob.output)")

        // The class ends: every session is told, and the server ends cleanly.
        #expect(server.stop() == 0, "\(server.output)")
        for login in [instructor, ada, bob] {
            #expect(login.end().contains("the class is ending"), "\(login.output)")
        }
        // Each student's progress went over the link to the server's store; nothing was written on their side.
        let store = try SQLiteClassStore(directory: server.dataFolder)
        for student in ["ada", "bob"] {
            #expect(try store.progress(student: student) != nil, "\(student)'s progress is in the store")
        }
        // Each answer the class counted was kept in the store before it was counted, as typed, with its stop.
        let kept = try store.followAnswers(lesson: Self.lesson)
        #expect(kept.map(\.student) == ["ada", "bob"], "\(kept)")
        #expect(kept.allSatisfy { $0.position == UInt32(position) }, "\(kept)")
        let asked = Set(question.fields.map(\.rawValue))
        #expect(kept.allSatisfy { !$0.fields.isEmpty && Set($0.fields.keys).isSubset(of: asked) }, "\(kept)")
        #expect(server.output.contains("class-answer"), "the structured log names each class answer")
        // Every student who came is in the store's students and event log, the one who dropped too; the
        // instructor's leading tutor is no student.
        #expect(try store.students().map(\.id) == ["ada", "bob", "cy"])
        let events = try store.events(after: 0, limit: 100)
        #expect(events.contains { $0.kind == .login && $0.student == "cy" }, "\(events)")
        #expect(events.contains { $0.kind == .exit && $0.student == "cy" }, "\(events)")
    }

    /// Waits until `login`'s output holds `text` `times` times.
    static func waitFor(_ text: String, times: Int, in login: Login) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if login.output.components(separatedBy: text).count - 1 >= times { return }
            usleep(50_000)
        }
        throw HarnessError("'\(text)' not \(times) times in the session:\n\(login.output)")
    }

    @Test func followIsCheckedAtStart() throws {
        let folder = try TemporaryFolder.make("tcptutor-class-follow-start")
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["class", "serve", "--data", folder.path + "/class", "--open", "--lesson-folder", Curriculum.path]
        let both = try TutorProgram.run(base + ["--follow", Self.lesson, "--exam", "\(Self.lesson):2:10"])
        #expect(both.status != 0)
        #expect(both.text.contains("--follow and --exam cannot be used together"), "\(both.text)")
        let unknown = try TutorProgram.run(base + ["--follow", "no-such-lesson", "--port", "0"])
        #expect(unknown.status == 1)
        #expect(unknown.text.contains("there is no lesson 'no-such-lesson'"), "\(unknown.text)")
        #expect(unknown.text.contains(Self.lesson), "the lessons there are named: \(unknown.text)")
    }
}
