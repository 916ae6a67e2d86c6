import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession
import TutorStorage

/// An exam sat on the class server with nothing but `ssh`: the key stays in the server's folder, every answer is
/// committed to the server's store, a server killed with SIGKILL mid-exam loses nothing, and `class grade` grades
/// the store with the engine.
@Suite struct ClassServerExamTests {
    static let parameters = ExamParameters(
        lessons: ["three-way-handshake", "four-way-teardown"], questionCount: 4, minutes: 30)

    /// `ssh -T` (no terminal: the tutor's plain lines), its input a pipe, its output collected.
    final class PlainLogin {
        let process = Process()
        let input = Pipe()
        let outputPath: String

        /// Logs `user` in, with the private key in `keyFile` when given (the instructor's), and `LANG` sent
        /// when `language` is given.
        init(
            _ server: ClassServerProcess, user: String, folder: String, keyFile: String? = nil,
            language: String? = nil
        ) throws {
            outputPath = folder + "/ssh-\(UUID().uuidString).out"
            _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                // exec: the process is ssh itself, so that ending it drops the connection as a closed laptop does.
                "-c",
                "exec "
                    + (keyFile.map { server.sshCommand(user: user, knownHosts: folder + "/known_hosts", keyFile: $0) }
                    ?? server.sshCommand(user: user, knownHosts: folder + "/known_hosts")).replacingOccurrences(
                        of: "ssh -F", with: "ssh -T -F"),
            ]
            if let language {
                var environment = ProcessInfo.processInfo.environment
                environment["LANG"] = language
                process.environment = environment
            }
            process.standardInput = input
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
            process.standardOutput = output
            process.standardError = output
            try process.run()
        }

        var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

        func type(_ text: String) throws { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

        /// Waits until the output holds `text`.
        func waitFor(_ text: String, timeout: Double = 20) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if output.contains(text) { return }
                usleep(50_000)
            }
            throw HarnessError("no '\(text)' in the student's session:\n\(output)")
        }

        func end() -> String {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return output
        }
    }

    /// What a careful student types, question by question (each field's line), from the server's own key (the
    /// test may read the server's folder).
    static func typedAnswers(student: String, data: String) throws -> [String] {
        try rightAnswers(student: student, data: data).map { $0.joined(separator: "\n") + "\n" }
    }

    /// The right answer to each question of `student`'s exam: the text typed in each field, in the fields' order.
    static func rightAnswers(student: String, data: String) throws -> [[String]] {
        let key = try ExamKey(contentsOf: URL(fileURLWithPath: data + "/exam.key"))
        var derived = try ExamSitting(
            key: key, studentID: student, parameters: Self.parameters, lessons: Curriculum.folder, records: [],
            logName: "test")
        _ = derived.begin(at: 0)
        var answers: [[String]] = []
        while let question = derived.currentQuestion {
            let answer = RightAnswer.typed(question.quiz)
            answers.append(question.quiz.fields.map { answer[$0] ?? "" })
            _ = try derived.submit(answer, at: 1)
        }
        return answers
    }

    @Test func anExamSurvivesTheServerKilledWithSIGKILLAndIsGradedFromTheStore() throws {
        try #require(
            ClassServerTerminalTests.sshAvailable(),
            "the class server tests need OpenSSH's ssh (apt-get install openssh-client)")
        let folder = try TemporaryFolder.make("tcptutor-class-exam")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.path + "/class"
        let options = ["--open", "--exam", Self.parameters.settingsText]
        var server: ClassServerProcess? = try ClassServerProcess(dataFolder: data, options: options)
        #expect(server?.output.contains("Exam: \(Self.parameters.settingsText)") == true)

        let typed = try Self.typedAnswers(student: "ada", data: data)
        try #require(typed.count == 4)

        let first = try PlainLogin(try #require(server), user: "Ada", folder: folder.path)
        try first.waitFor("Press Enter to begin")
        try first.type("\n" + typed[0] + typed[1])
        try first.waitFor("\n3. ")
        // The server dies without a word; its students' tutors lose their terminal and their link.
        if let pid = server?.pid { kill(pid, SIGKILL) }
        _ = first.end()
        server = nil

        server = try ClassServerProcess(dataFolder: data, options: options)
        let second = try PlainLogin(try #require(server), user: "ada", folder: folder.path)
        try second.waitFor("2 answers kept")
        try second.type(typed[2] + typed[3])
        try second.waitFor("The exam is finished")
        let output = second.end()
        #expect(!output.contains("Press Enter to begin"), "a resumed exam does not start again:\n\(output)")
        // The structured log has a line for each answer the second server committed.
        let log = try #require(server).output
        let committed = log.components(separatedBy: "\n").filter {
            $0.contains("answer") && $0.contains("student=ada") && $0.contains("outcome=committed")
        }
        #expect(committed.count == 2, "\(log)")

        let grades = try TutorProgram.run(["class", "grade", "--data", data, "--lesson-folder", Curriculum.path])
        #expect(grades.status == 0, "\(grades.text)")
        let row = try #require(grades.output.split(separator: "\n").first { $0.hasPrefix("ada,") })
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells[1] == "ok", "\(row)")
        let header = try #require(grades.output.split(separator: "\n").first).split(separator: ",")
        let total = try #require(header.firstIndex(of: "total"))
        #expect(cells[total] == cells[total + 1] && Int(cells[total]) ?? 0 > 0, "full marks: \(row)")
        #expect(!FileManager.default.fileExists(atPath: data + "/students/ada/exams"), "no log file on disk")
    }

    @Test func aStudentWhoseConnectionBreaksHasTheirTutorReapedAndSeatFreed() throws {
        try #require(
            ClassServerTerminalTests.sshAvailable(),
            "the class server tests need OpenSSH's ssh (apt-get install openssh-client)")
        let folder = try TemporaryFolder.make("tcptutor-class-drop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ClassServerProcess(
            dataFolder: folder.path + "/class", options: ["--open", "--max-sessions", "1"])
        let first = try PlainLogin(server, user: "ada", folder: folder.path)
        try first.waitFor("The three-way handshake")
        // The connection breaks without a goodbye (the laptop closed): the tutor is hung up, reaped and logged,
        // and the one seat is free for the next student.
        kill(first.process.processIdentifier, SIGKILL)
        try server.waitForLog(["event=exit", "student=ada"], timeout: 15)
        let second = try PlainLogin(server, user: "bo", folder: folder.path)
        try second.waitFor("The three-way handshake")
        kill(second.process.processIdentifier, SIGKILL)
        #expect(server.stop() == 0)
    }
}
