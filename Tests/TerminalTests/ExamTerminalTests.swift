import Foundation
import TCPTutorTestSupport
import Testing

/// Exams in tmux as a student sits them: the start screen holds the clock until Enter, a resumed exam says what
/// was kept, and the time running out submits what was typed. The clock is real: `--minutes 0.1` is six seconds.
@Suite(.serialized) struct ExamTerminalTests {
    /// A folder with a key file, removed at the end.
    final class ExamFolder {
        let url: URL
        let key: String
        let logs: String

        init(_ name: String) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("tcptutor-\(name)-\(getpid())")
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            key = url.appendingPathComponent("exam.key").path
            logs = url.appendingPathComponent("exams").path
            try Data("a test key of more than sixteen bytes".utf8).write(to: URL(fileURLWithPath: key))
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func arguments(student: String, questions: Int, minutes: String) -> [String] {
            [
                "exam", "--lessons", "three-way-handshake", "--questions", "\(questions)", "--minutes", minutes,
                "--student", student, "--key-file", key, "--out", logs,
            ]
        }

        func log(_ student: String) throws -> String {
            try String(contentsOfFile: logs + "/\(student).examlog", encoding: .utf8)
        }

        /// `tcptutor exam grade` over the logs: its exit status and its CSV.
        func grade() throws -> (status: Int32, csv: String) {
            let result = try TutorProgram.run([
                "exam", "grade", "--key-file", key, "--summary", url.path + "/summary.csv", logs,
            ])
            return (result.status, result.output)
        }
    }

    @Test func examStartScreenHoldsTheClockAndTimeUpSubmitsTheTypedAnswer() throws {
        let folder = try ExamFolder("exam-time-up")
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: folder.arguments(student: "Alice", questions: 2, minutes: "0.1"))
        var screen = try terminal.waitFor("Press Enter to begin")
        #expect(screen.contains { $0.contains("Exam for alice: 2 questions in 0.1 minutes") }, "the id is folded")
        #expect(screen.contains { $0.contains("time left 0:06") })
        #expect(try folder.log("alice").isEmpty, "nothing is logged before the student begins")
        // The clock waits while the student reads: longer than a second later, the time left has not moved.
        usleep(1_500_000)
        screen = try terminal.screen()
        #expect(screen.contains { $0.contains("time left 0:06") }, "\(screen.joined(separator: "\n"))")
        try terminal.send("Enter")
        try terminal.waitFor("question 1 of 2")
        #expect(try folder.log("alice").contains(#""kind":"start""#))
        // An answer typed in part, and Enter never pressed.
        try terminal.type("S")
        try terminal.send("Tab")
        try terminal.type("1234")
        screen = try terminal.waitFor("the time running out", timeout: 15) { $0.contains { $0.contains("Time is up") } }
        #expect(screen.contains { $0.contains("You answered 1 of 2 questions") })
        #expect(screen.contains { $0.contains("was submitted as it stood") })
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        let answers = try folder.log("alice").split(separator: "\n").filter { $0.contains(#""kind":"answer""#) }
        #expect(answers.count == 1)
        #expect(answers.first?.contains(#""timeUp":true"#) == true && answers.first?.contains("1234") == true)
        let graded = try folder.grade()
        #expect(graded.status == 0)
        let row = try #require(graded.csv.split(separator: "\n").first { $0.hasPrefix("alice,") })
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells[1] == "time up", "\(row)")
        #expect(Int(cells[2]) != nil && cells[3] == "0", "the submitted answer is graded, the other counts 0: \(row)")
    }

    @Test func examResumedShowsANoticeInBothLanguages() throws {
        let folder = try ExamFolder("exam-resume")
        let arguments = folder.arguments(student: "s7", questions: 3, minutes: "10")
        do {
            let terminal = try TmuxTerminal()
            let run = try TutorRun(terminal, arguments: arguments)
            try terminal.waitFor("Press Enter to begin")
            try terminal.send("Enter")
            try terminal.waitFor("question 1 of 3")
            for (index, text) in ["F.", "12345", "678"].enumerated() {
                if index > 0 { try terminal.send("Tab") }
                try terminal.type(text)
            }
            try terminal.send("Enter")
            try terminal.waitFor("question 2 of 3")
            try terminal.send("Escape")
            try terminal.send("q")
            #expect(try run.expectRestored() == 0)
        }
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: arguments)
        var screen = try terminal.waitFor("Exam resumed: 1 answer kept.")
        #expect(screen.contains { $0.contains("Next: question 2 of 3") })
        #expect(screen.contains { $0.contains("The clock ran on") && $0.contains("(time left ") })
        #expect(!screen.contains { $0.contains("question 2 of 3   time left") }, "the question waits for Enter")
        try terminal.send("l")
        screen = try terminal.waitFor("考试已继续：保留了 1 个答案。")
        #expect(screen.contains { $0.contains("下一题：第 2 题，共 3 题。") })
        try terminal.send("l")
        try terminal.waitFor("Exam resumed: 1 answer kept.")
        try terminal.send("Enter")
        try terminal.waitFor("question 2 of 3")
        try terminal.send("Escape")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        #expect(try folder.log("s7").components(separatedBy: #""kind":"resume""#).count == 2)
    }

    @Test func examLeftAtTheStartScreenLeavesNoLog() throws {
        let folder = try ExamFolder("exam-leave")
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: folder.arguments(student: "s8", questions: 2, minutes: "5"))
        try terminal.waitFor("Press Enter to begin")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.logs).isEmpty)
    }
}
