import Foundation
import Testing

/// Quizzes and exams through the real binary: in tmux as a student sees them, and through a pipe.
@Suite(.serialized) struct QuizTerminalTests {
    /// Types one answer: the fields' texts joined by Tab, then Enter.
    func answer(_ terminal: TmuxTerminal, _ fields: [String]) throws {
        for (index, text) in fields.enumerated() {
            if index > 0 { try terminal.send("Tab") }
            try terminal.type(text)
        }
        try terminal.send("Enter")
    }

    @Test func quizAnsweredRightThenWrongShowsTheFeedback() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["quiz", "three-way-handshake", "--no-animation"])
        try terminal.waitFor("question 1 of 3")
        // The SYN: flags S, seq = A's ISN, no ack.
        try answer(terminal, ["S", "3626544836", "-"])
        var screen = try terminal.waitFor("6 of 6 points")
        #expect(screen.filter { $0.contains("│   right") || $0.contains("│ > right") }.count == 3)
        try terminal.send("Space")
        try terminal.waitFor("question 2 of 3")
        // The SYN-ACK with ack = A's ISN: the SYN's one sequence number forgotten.
        try answer(terminal, ["S.", "1739326486", "3626544836"])
        screen = try terminal.waitFor("4 of 6 points")
        let wrong = try #require(screen.first { $0.contains("wrong") })
        #expect(wrong.contains("you: 3626544836") && wrong.contains("right: 3626544837"), "\(wrong)")
        #expect(screen.contains { $0.contains("§3.") }, "the rule's RFC section is named")
        // The segment crossed: it is on the wire above the feedback.
        #expect(screen[2...4].joined().contains("S. 1739326486"))
        try terminal.send("Space")
        try terminal.waitFor("question 3 of 3")
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz results")
        screen = try terminal.screen()
        #expect(screen.contains { $0.contains("2 of 3 questions answered, 10 of 12 points") })
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        let progress = try String(
            contentsOfFile: terminal.folder.path + "/state/tcptutor/progress.json", encoding: .utf8)
        #expect(progress.contains("three-way-handshake") && progress.contains("\"asked\" : 2"), "\(progress)")
    }

    @Test func aProgressSaveThatFailsIsShownUntilTheNextQuestion() throws {
        let terminal = try TmuxTerminal()
        // A plain file where the state folder should be: the progress book cannot be written.
        try Data("not a folder".utf8).write(to: terminal.folder.appendingPathComponent("state"))
        let run = try TutorRun(terminal, arguments: ["quiz", "three-way-handshake", "--no-animation"])
        try terminal.waitFor("question 1 of 3")
        try answer(terminal, ["S", "3626544836", "-"])
        // No key after the answer: the save is tried while the student reads, and its failure is drawn then.
        let screen = try terminal.waitFor("Progress could not be saved")
        #expect(screen[1].contains("Progress could not be saved: cannot create "), "\(screen[1])")
        #expect(screen.contains { $0.contains("6 of 6 points") }, "the feedback is still there")
        try terminal.send("Space")
        try terminal.waitFor("question 2 of 3")
        #expect(try !terminal.screen().contains { $0.contains("could not be saved") })
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz results")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func lessonQuizPointTakesTypedAnswers() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal)
        var screen = try terminal.openLesson()
        for _ in 0..<12 where !screen.contains(where: { $0.contains("Esc leave the quiz") }) {
            try terminal.send("Space")
            screen = try terminal.waitForChange(from: screen, "the next step")
        }
        #expect(screen.contains { $0.contains("? ? ?") }, "the segment is hidden at a quiz point")
        // q and l are text in the panel, not commands: they are typed into the flags field and refused there.
        try answer(terminal, ["ql", "3626544836", "-"])
        screen = try terminal.waitFor("the parse error") { $0.contains { $0.contains("is not a flag") } }
        #expect(screen.contains { $0.contains("[ql") })
        try terminal.send("End", "BSpace", "BSpace")
        try terminal.type("S")
        try terminal.send("Enter")
        try terminal.waitFor("6 of 6 points")
        try terminal.send("Space")
        try terminal.waitFor("the narration back") { !$0.contains { $0.contains("6 of 6 points") } }
        try terminal.send("q")
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("q")
        try run.expectRestored()
        let progress = try String(
            contentsOfFile: terminal.folder.path + "/state/tcptutor/progress.json", encoding: .utf8)
        #expect(progress.contains("\"correct\" : 1"), "the score is saved: \(progress)")
    }

    @Test func examKilledWithSigkillResumesWithTheEarlierAnswersKept() throws {
        let exams = FileManager.default.temporaryDirectory.appendingPathComponent("tcptutor-exam-e2e-\(getpid())")
        try? FileManager.default.removeItem(at: exams)
        try FileManager.default.createDirectory(at: exams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: exams) }
        let key = exams.appendingPathComponent("exam.key").path
        try Data("a test key of more than sixteen bytes".utf8).write(to: URL(fileURLWithPath: key))
        let arguments = [
            "exam", "--lessons", "three-way-handshake", "--questions", "3", "--minutes", "10", "--student", "s42",
            "--key-file", key, "--out", exams.path,
        ]
        let log = exams.appendingPathComponent("s42.examlog").path
        do {
            let terminal = try TmuxTerminal()
            let run = try TutorRun(terminal, arguments: arguments)
            try terminal.waitFor("Press Enter to begin")
            try terminal.send("Enter")
            try terminal.waitFor("question 1 of 3")
            #expect(try terminal.screen().contains { $0.contains("time left 10:00") || $0.contains("time left 9:5") })
            // `?` is the help here too: it opens over the question, and Esc closes it without pausing typing.
            try terminal.send("?")
            let help = try terminal.waitFor("Press any key to close")
            #expect(help.contains { $0.contains("pause typing") })
            try terminal.send("Escape")
            try terminal.waitFor("the help closed") { !$0.contains { $0.contains("Press any key to close") } }
            try answer(terminal, ["F.", "12345", "678"])
            try terminal.waitFor("question 2 of 3")
            let screen = try terminal.screen()
            #expect(!screen.contains { $0.contains("points") || $0.contains("right:") }, "no answer is revealed")
            kill(try run.pid(), SIGKILL)
            _ = try terminal.waitForFile(run.statusFile)
        }
        let afterKill = try String(contentsOfFile: log, encoding: .utf8)
        #expect(afterKill.components(separatedBy: "\"kind\":\"answer\"").count == 2)
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: arguments)
        try terminal.waitFor("Exam resumed")
        try terminal.send("Enter")
        try terminal.waitFor("question 2 of 3")
        try answer(terminal, ["S.", "1", "2"])
        try terminal.waitFor("question 3 of 3")
        try answer(terminal, [".", "3", "4"])
        try terminal.waitFor("you answered all 3 questions")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        let final = try String(contentsOfFile: log, encoding: .utf8)
        let answers = final.split(separator: "\n").filter { $0.contains("\"kind\":\"answer\"") }
        #expect(answers.count == 3)
        #expect(answers.first?.contains("\"seq\":\"12345\"") == true, "the answer typed before the kill is kept")
        #expect(final.contains("\"kind\":\"resume\"") && final.contains("\"kind\":\"finish\""))
    }
}
