import Foundation
import TCPTutorTestSupport
import Testing

/// The class server's exam as the instructor and the proctor see it, with the real `ssh`: the instructor's screen
/// follows each student's answers and time left (the students who left included), the class ending mid-exam
/// tells each student their answers are kept and the next start resumes them, and the instructor always gets a
/// seat, however full the class.
@Suite struct ClassServerProctorTests {
    typealias Login = ClassServerExamTests.PlainLogin
    static let settings = ClassServerExamTests.parameters.settingsText

    /// A folder with the instructor's key pair (`teacher`) listed in `instructors`.
    static func folderWithAnInstructor(_ name: String) throws -> URL {
        let folder = try TemporaryFolder.make(name)
        let listed = try ClassServerAccessTests.makeKey("teacher", in: folder.path)
        try "\(listed)\n".write(toFile: folder.path + "/instructors", atomically: true, encoding: .utf8)
        return folder
    }

    /// The instructor screen's row for `student`, or nil.
    static func row(_ student: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix("  \(student) ") }
    }

    /// The time left on a row (`m:ss`), in seconds.
    static func timeLeft(_ row: String) -> Int? {
        guard let match = row.firstMatch(of: #/  (\d+):(\d\d)  /#) else { return nil }
        return Int(match.1)! * 60 + Int(match.2)!
    }

    @Test func theInstructorSeesEachStudentsAnswersTimeLeftAndWhoLeft() throws {
        try #require(ClassServerAccessTests.toolsAvailable(), "\(ClassServerAccessTests.missingTools)")
        let folder = try Self.folderWithAnInstructor("tcptutor-class-proctor")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.path + "/class"
        let server = try ClassServerProcess(
            dataFolder: data,
            options: [
                "--open", "--exam", Self.settings, "--instructor-key", folder.path + "/instructors", "--max-sessions",
                "2",
            ])
        let knownHosts = folder.path + "/known_hosts"
        // The instructor on an 80x24 terminal, as most are.
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let instructor = try TutorRun(
            terminal,
            command: server.sshCommand(user: "instructor", knownHosts: knownHosts, keyFile: folder.path + "/teacher"))
        try terminal.waitFor("TCPTutor class exam: 4 questions, 30 minutes;")
        try terminal.waitFor("lessons three-way-handshake, four-way-teardown")
        try terminal.waitFor("0 students, 0 connected: nobody yet")

        let typed = try ClassServerExamTests.typedAnswers(student: "ada", data: data)
        let ada = try Login(server, user: "ada", folder: folder.path)
        try ada.waitFor("Press Enter to begin")
        try terminal.waitFor("ada at the start screen") { lines in
            Self.row("ada", in: lines).map { $0.contains("0 of 4") && $0.contains("at the start screen") } ?? false
        }
        try ada.type("\n" + typed[0] + typed[1])
        try ada.waitFor("\n3. ")
        // Two answers committed; the time left on the server's clock, from the sitting's start in the store.
        var lines = try terminal.waitFor("ada with 2 of 4 answered") { lines in
            Self.row("ada", in: lines).map { $0.contains("2 of 4") && $0.contains("answering") } ?? false
        }
        let first = try #require(Self.row("ada", in: lines).flatMap(Self.timeLeft), "\(lines)")
        #expect((29 * 60...30 * 60).contains(first), "\(lines)")
        #expect(lines.contains { $0.contains("1 student, 1 connected: 1 answering") }, "\(lines)")
        // Redrawn live: the time left goes down by itself.
        lines = try terminal.waitFor("ada's time left going down", timeout: 5) { lines in
            (Self.row("ada", in: lines).flatMap(Self.timeLeft) ?? first) < first
        }

        // Bob comes in and waits at the start screen; Ada's connection breaks (a closed laptop).
        let bob = try Login(server, user: "bob", folder: folder.path)
        try bob.waitFor("Press Enter to begin")
        kill(ada.process.processIdentifier, SIGKILL)
        lines = try terminal.waitFor("ada as left, with her answers") { lines in
            Self.row("ada", in: lines).map { $0.contains("2 of 4") && $0.contains("LEFT, last answer ") } ?? false
        }
        #expect(lines.contains { $0.contains("2 students, 1 connected: 1 left mid-exam, 1 not begun") }, "\(lines)")
        // Who needs attention first: Ada, who left mid-exam, above Bob.
        let order = lines.compactMap { line in ["ada", "bob"].first { line.hasPrefix("  \($0) ") } }
        #expect(order == ["ada", "bob"], "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 80 })

        // A second instructor session in plain lines (no terminal), past --max-sessions 2 with two seats taken
        // (Bob's and the first instructor's): the same list, whole lines.
        let plain = try Login(
            server, user: "instructor", folder: folder.path, keyFile: folder.path + "/teacher")
        // Enter at once, as an impatient instructor presses it: the list comes only once the store has been read.
        try plain.type("\n")
        try plain.waitFor("LEFT, last answer ")
        #expect(
            !plain.output.contains("1 student, 1 connected"), "no list without Ada's answers:\n\(plain.output)")
        let row = try #require(plain.output.split(whereSeparator: \.isNewline).first { $0.hasPrefix("  ada ") })
        #expect(row.contains("2 of 4") && Self.timeLeft(String(row)) != nil, "\(plain.output)")
        #expect(plain.output.contains("Enter: show again"), "\(plain.output)")
        #expect(!plain.output.contains("\u{1B}["), "plain lines have no escape sequences:\n\(plain.output)")

        // The class ends: the instructor's screen says so and the sessions end cleanly.
        #expect(server.stop() == 0, "\(server.output)")
        #expect(try instructor.expectRestored() == 0)
        try plain.waitFor("The class is ending.")
        // Ended in the order they started: Foundation waits for its child processes in that order.
        for login in [bob, plain] { _ = login.end() }
    }

    @Test func theClassEndingMidExamTellsTheStudentTheirAnswersAreKeptAndTheNextStartResumes() throws {
        try #require(ClassServerTerminalTests.sshAvailable(), "needs OpenSSH's ssh")
        let folder = try TemporaryFolder.make("tcptutor-class-exam-ending")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.path + "/class"
        let options = ["--open", "--exam", Self.settings]
        var server = try ClassServerProcess(dataFolder: data, options: options)
        let typed = try ClassServerExamTests.typedAnswers(student: "ada", data: data)

        let first = try Login(server, user: "ada", folder: folder.path)
        try first.waitFor("Press Enter to begin")
        try first.type("\n" + typed[0] + typed[1])
        try first.waitFor("\n3. ")
        // SIGTERM: the class ends while Ada is on her third question.
        #expect(server.stop() == 0, "\(server.output)")
        let said = first.end()
        #expect(said.contains("The class is ending."), "\(said)")
        #expect(said.contains("Your 2 answers are kept on the class server (2 of 4 questions)."), "\(said)")
        #expect(said.contains("Log in again to resume the exam where you left it"), "\(said)")
        #expect(said.contains("tcptutor class: the class is ending."), "\(said)")
        #expect(first.process.terminationStatus == 0, "a clean end for ssh:\n\(said)")
        #expect(
            server.output.contains("event=exit student=ada status=0 tutor-status=143 class-ending=true"),
            "the tutor ended of the SIGTERM, as asked:\n\(server.output)")

        // The next class: Ada's exam resumes with both answers and its clock (it did not start again).
        server = try ClassServerProcess(dataFolder: data, options: options)
        let second = try Login(server, user: "ada", folder: folder.path)
        try second.waitFor("Exam resumed: 2 answers kept.")
        let clock = try #require(
            second.output.firstMatch(of: /while the exam was closed \(time left (\d+):(\d\d)\)/), "\(second.output)")
        #expect(Int(clock.1)! * 60 + Int(clock.2)! < 30 * 60, "\(second.output)")
        #expect(!second.output.contains("Press Enter to begin"), "\(second.output)")
        try second.type(typed[2] + typed[3])
        try second.waitFor("The exam is finished")
        _ = second.end()
        let grades = try TutorProgram.run(["class", "grade", "--data", data, "--lesson-folder", Curriculum.path])
        let row = try #require(grades.output.split(separator: "\n").first { $0.hasPrefix("ada,") }, "\(grades.text)")
        #expect(row.split(separator: ",")[1] == "ok", "all four answers, two before the class ended: \(row)")
    }

    @Test func theClassEndingMidExamOnTheFullScreenSaysSoInTheStudentsLanguage() throws {
        try #require(ClassServerTerminalTests.sshAvailable(), "needs OpenSSH's ssh")
        let terminal = try TmuxTerminal()
        let data = ClassServerTerminalTests.dataFolder(in: terminal)
        let server = try ClassServerProcess(dataFolder: data, options: ["--open", "--exam", Self.settings])
        let answers = try ClassServerExamTests.rightAnswers(student: "ada", data: data)
        let knownHosts = terminal.folder.path + "/known_hosts"
        // Typed at the shell, so that what is printed once the terminal is restored stays there to be read.
        try terminal.type(
            "LANG=zh_CN.UTF-8 \(server.sshCommand(user: "ada", knownHosts: knownHosts)); echo SSH-ENDED-$?")
        try terminal.send("Enter")
        try terminal.waitFor("按回车键开始")
        try terminal.send("Enter")
        try terminal.waitFor("第 1 题，共 4 题")
        for (index, text) in answers[0].enumerated() {
            if index > 0 { try terminal.send("Tab") }
            try terminal.type(text)
        }
        try terminal.send("Enter")
        try terminal.waitFor("第 2 题，共 4 题")
        #expect(server.stop() == 0, "\(server.output)")
        let screen = try terminal.waitFor("SSH-ENDED-0")
        let text = screen.joined(separator: "\n")
        #expect(text.contains("课堂即将结束。"), "\(text)")
        #expect(text.contains("你的 1 个答案已保存在课堂服务器上（共 4 题）。"), "\(text)")
        #expect(text.contains("再次登录即可从中断处继续考试"), "\(text)")
        #expect(text.contains("tcptutor class：课堂即将结束。"), "\(text)")
        // The terminal is restored: the shell reads and echoes a line again.
        try terminal.type("echo RESTORED-$((6 * 7))")
        try terminal.send("Enter")
        try terminal.waitFor("RESTORED-42")
    }

    @Test func theInstructorGetsInPastMaxSessions() throws {
        try #require(ClassServerAccessTests.toolsAvailable(), "\(ClassServerAccessTests.missingTools)")
        let folder = try Self.folderWithAnInstructor("tcptutor-class-instructor-seat")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A follow class, where the instructor's session is a tutor too (the one that leads).
        let server = try ClassServerProcess(
            dataFolder: folder.path + "/class",
            options: [
                "--open", "--follow", "three-way-handshake", "--instructor-key", folder.path + "/instructors",
                "--max-sessions", "1",
            ])
        let ada = try Login(server, user: "ada", folder: folder.path)
        try ada.waitFor("Step 1 of")
        // The class is full (one student), and the instructor still gets in and leads.
        let instructor = try Login(
            server, user: "instructor", folder: folder.path, keyFile: folder.path + "/teacher")
        try instructor.waitFor("Step 1 of")
        #expect(!instructor.output.contains("the class is full"), "\(instructor.output)")
        try instructor.type("\n")
        try ada.waitFor("Step 2 of")
        // The instructor's seat is not a student's: the limit still holds for the next student.
        let bob = try Login(server, user: "bob", folder: folder.path)
        try bob.waitFor("the class is full: 1 students are connected")
        #expect(server.stop() == 0, "\(server.output)")
        // Ended in the order they started: Foundation waits for its child processes in that order.
        for login in [ada, instructor, bob] { _ = login.end() }
    }
}
