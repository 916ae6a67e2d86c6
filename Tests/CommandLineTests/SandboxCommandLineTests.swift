import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor sandbox --plain` as a script runs it: commands on standard input, the timeline's lines out.
@Suite("Command line: the sandbox in plain lines")
struct SandboxCommandLineTests {
    /// A fresh sandbox through a lost data segment, its retransmission, an undo and a close.
    static let script = """
        B listen
        A connect
        A > B
        B > A
        A > B
        A send 100
        drop A > B
        wait 1s
        A > B
        B > A
        B read
        A close
        undo
        A close
        A > B
        B > A
        B close
        B > A
        A > B
        """

    /// The step lines (`N.  event  → A state, B state`), without the lines under them.
    static func stepLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.first?.isNumber == true }
    }

    @Test("the scripted session prints each step with its states and reaches A TIME_WAIT")
    func scriptedSession() throws {
        let result = try TutorProgram.run(["sandbox", "--plain", "--isn", "A=100,B=300"], input: Self.script + "\n")
        #expect(result.status == 0, "\(result.text)")
        let steps = Self.stepLines(result.output)
        #expect(steps.first == "0.  start  → A CLOSED, B CLOSED")
        #expect(
            steps.contains { $0.hasPrefix("7.  IP 10.0.0.1.40000 > 10.0.0.2.80: P. 101:201(100) ack 301 [dropped]") })
        // The retransmission timer says that it fired, with its rule.
        #expect(result.output.contains("a timer fires: A sends P. 101:201(100) ack 301 ("))
        #expect(result.output.contains("RFC 6298"))
        #expect(
            result.output.contains(
                "undone: back one step, exactly as it was\n11. B read  → A ESTABLISHED, B ESTABLISHED"))
        let states = steps.map { $0.components(separatedBy: "  → ").last ?? "" }
        #expect(
            // B read, A close, the undo's line (back at B read), A close again, then the close to the end.
            Array(states[11...]) == [
                "A ESTABLISHED, B ESTABLISHED", "A FIN_WAIT_1, B ESTABLISHED", "A ESTABLISHED, B ESTABLISHED",
                "A FIN_WAIT_1, B ESTABLISHED", "A FIN_WAIT_1, B CLOSE_WAIT", "A FIN_WAIT_2, B CLOSE_WAIT",
                "A FIN_WAIT_2, B LAST_ACK", "A TIME_WAIT, B LAST_ACK", "A TIME_WAIT, B CLOSED",
            ])
        #expect(steps.last?.hasSuffix("→ A TIME_WAIT, B CLOSED") == true)
        #expect(steps.last?.hasPrefix("17. IP 10.0.0.1.40000 > 10.0.0.2.80: . 202:202(0) ack 302") == true)
        // Each segment carries its rule with the RFC section, and how the receiver handled it.
        #expect(result.output.contains("    why: "))
        #expect(result.output.contains("    handled: B "))
    }

    @Test("save writes a lesson that tcptutor check passes, with both languages left for the author")
    func saveThenCheck() throws {
        let folder = try TemporaryFolder.make("sandbox-save")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lost-data.lesson").path
        let result = try TutorProgram.run(
            ["sandbox", "--plain", "--seed", "7"], input: Self.script + "\nsave \(file)\n")
        #expect(result.status == 0, "\(result.text)")
        #expect(result.output.contains("saved \(file): fill in its en: and zh: lines"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("id: lost-data\n"))
        #expect(text.components(separatedBy: "\n  en:\n  zh:\n").count == 18)
        let check = try TutorProgram.run(["check", file])
        #expect(check.status == 0, "\(check.text)")
        #expect(check.output.contains("1 lesson checked, 0 problems"))
        // The saved session goes on in the sandbox from its end.
        let again = try TutorProgram.run(["sandbox", "--plain", file], input: "wait 4min\n")
        #expect(again.status == 0, "\(again.text)")
        #expect(Self.stepLines(again.output).last?.hasSuffix("→ A CLOSED, B CLOSED") == true)
    }

    @Test("a bad command is named by its column and what was expected; it changes nothing; the status says so")
    func badCommand() throws {
        let result = try TutorProgram.run(
            ["sandbox", "--plain"], input: "B listen\nA conect\ndrop A > B\nA connect\n")
        #expect(result.status == 1)
        #expect(result.output.contains("> A conect\ncolumn 3: unknown call 'conect'"))
        #expect(result.output.contains("> drop A > B\ncolumn 1: A has sent nothing"))
        let steps = Self.stepLines(result.output)
        #expect(steps.count == 3)
        #expect(steps.last?.hasPrefix("2.  A connect") == true)
    }

    @Test("a call the socket API refuses is explained with its rule and not run")
    func refusedCall() throws {
        let input = "B listen\nA connect\nA > B\nB > A\nA > B\nA shutdown\nA send 10\nhelp\n"
        let result = try TutorProgram.run(["sandbox", "--plain"], input: input)
        #expect(result.status == 1)
        #expect(result.output.contains("refused, not run: A send 10\nA has closed its sending side (FIN_WAIT_1)"))
        #expect(result.output.contains("SEND returns \u{201C}connection closing\u{201D} (RFC 9293 §3.10.2)"))
        #expect(!Self.stepLines(result.output).contains { $0.contains("send 10") })
        // help lists the commands and what is possible now.
        #expect(
            result.output.contains(
                "in flight A→B 1, B→A 0 · next timer in 1s\nA: read close abort · B: send read shutdown close abort\n"))
    }

    @Test("in Chinese the lines and the refusal are in Chinese")
    func chinese() throws {
        let result = try TutorProgram.run(
            ["sandbox", "--plain", "--lang", "zh"], input: "A send 1\nA connect\n")
        #expect(result.output.contains("被拒绝，未执行：A send 1\n主机A处于CLOSED状态：没有连接可供发送数据"))
        #expect(result.output.contains("初始序列号 A 100，B 300"))
    }
}

extension SandboxCommandLineTests {
    @Test("without a terminal the sandbox reads its commands from standard input, as with --plain")
    func noTerminal() throws {
        let result = try TutorProgram.run(["sandbox"], input: "B listen\nquit\nA connect\n")
        #expect(result.status == 0, "\(result.text)")
        #expect(result.errors.contains("using plain mode (--plain)"))
        // quit ends the script: A connect is never read.
        #expect(
            Self.stepLines(result.output) == ["0.  start  → A CLOSED, B CLOSED", "1.  B listen  → A CLOSED, B LISTEN"])
    }

    @Test("a save that cannot be written says why, keeps the session going and sets the status")
    func saveFailure() throws {
        let result = try TutorProgram.run(
            ["sandbox", "--plain"], input: "B listen\nsave /nonexistent-folder/x.lesson\nA connect\n")
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "not saved: cannot save the lesson to /nonexistent-folder/x.lesson: No such file or directory"))
        #expect(Self.stepLines(result.output).last?.hasPrefix("2.  A connect") == true)
    }
}

extension SandboxCommandLineTests {
    @Test("in Chinese the sandbox's own problems are in Chinese after 第 N 列；the lesson parser's stay its own")
    func chineseProblems() throws {
        let input = "hello\nsave\nsave notes.txt\nundo now\nA conect\n"
        let result = try TutorProgram.run(["sandbox", "--plain", "--lang", "zh"], input: input)
        #expect(result.status == 1)
        for expected in [
            "> hello\n第 1 列：应为一个步骤（A 或 B 加调用或 '>'，drop、duplicate、reorder、inject、wait），或 undo、save FILE、help、quit\n",
            "> save\n第 5 列：缺少文件名，例如 save my-session.lesson\n",
            "> save notes.txt\n第 6 列：文件名应以 .lesson 结尾\n",
            "> undo now\n第 6 列：undo 后面不应再有任何内容\n",
            // LessonKit's messages are the ones `tcptutor check` prints, in English in both languages.
            "> A conect\n第 3 列：unknown call 'conect'",
        ] {
            #expect(result.output.contains(expected), "\(expected)\n---\n\(result.output)")
        }
        let english = try TutorProgram.run(["sandbox", "--plain"], input: input)
        #expect(english.output.contains("> save notes.txt\ncolumn 6: expected a file name ending in .lesson\n"))
        #expect(english.output.contains("> undo now\ncolumn 6: expected nothing after 'undo'\n"))
    }
}
