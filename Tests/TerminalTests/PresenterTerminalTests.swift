import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor present` in a real terminal (tmux): clicker keys, a quiz point, blanking, and every way out.
@Suite(.serialized) struct PresenterTerminalTests {
    /// A handshake with one quiz point, on the SYN-ACK (step 5 of 6), written next to the run.
    static let lesson = """
        id: presenter-check
        title: Presenter check
        title.zh: 演示检查
        summary: A handshake with one quiz point.
        summary.zh: 带一个测验点的握手。
        hosts: A 192.168.1.116:3337, B 192.168.1.123:7788
        isn: A 3626544836, B 1739326486
        numbers: absolute

          en: Two hosts, both CLOSED.
          zh: 两台主机都处于 CLOSED 状态。

        B listen
          en: B waits in LISTEN.
          zh: B 在 LISTEN 状态等待。

        A connect
          en: A sends its SYN.
          zh: A 发送 SYN。

        A > B: S 3626544836:3626544836(0)
          en: The SYN reaches B.
          zh: SYN 到达 B。

        quiz sender flags seq ack
        B > A: S. 1739326486:1739326486(0) ack 3626544837
          en: B answers with its own SYN and acknowledges A's.
          zh: B 用自己的 SYN 回答，并确认 A 的 SYN。

        A > B: . 3626544837:3626544837(0) ack 1739326487
          en: A acknowledges B's SYN; both are ESTABLISHED.
          zh: A 确认 B 的 SYN；双方都进入 ESTABLISHED。

        """

    /// Starts `tcptutor present` on the lesson above, and waits for its first step (`firstStep`).
    static func present(_ terminal: TmuxTerminal, _ options: [String] = [], firstStep: String = "Step 1 of 6")
        throws -> TutorRun
    {
        let path = terminal.folder.appendingPathComponent("presenter-check.lesson").path
        try lesson.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try TutorRun(terminal, arguments: ["present", path] + options)
        try terminal.waitFor(firstStep)
        return run
    }

    /// The screen after `key`, once it differs from the one before and has stopped changing; with `showing`,
    /// once that text is on it too (a capture can catch a frame half-drawn).
    static func press(_ key: String, _ terminal: TmuxTerminal, showing text: String? = nil) throws -> [String] {
        let before = try terminal.screen()
        try terminal.send(key)
        var screen = try terminal.waitForChange(from: before, "the screen after \(key)")
        if let text {
            try terminal.waitFor(text)
            screen = try terminal.settled()
        }
        return screen
    }

    @Test func clickerStepsToAQuizPointRevealsBlanksAndQuits() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.present(terminal)
        #expect(try terminal.format("#{alternate_on}") == "1")
        for _ in 0..<3 { _ = try Self.press("PageDown", terminal) }
        var screen = try terminal.waitFor("S 3626544836:3626544836(0)")
        #expect(screen.contains { $0.contains("Step 4 of 6") })
        #expect(screen.contains { $0.contains("SYN_RECEIVED") }, "B's state after the SYN")

        // The quiz point: the question is up, the answer is nowhere on the screen.
        screen = try Self.press("PageDown", terminal, showing: "Question for the class")
        #expect(screen.contains { $0.contains("Step 5 of 6") })
        #expect(screen.contains { $0.contains("Question for the class") })
        #expect(screen.contains { $0.contains("Who sends next?") && $0.contains("Flags?") && $0.contains("ack?") })
        #expect(screen.contains { $0.contains("Numbers are absolute") })
        #expect(!screen.joined().contains("1739326486"), "B's ISN would give the answer away")
        #expect(!screen.contains { $0.contains("ESTABLISHED") }, "A is still in SYN_SENT")

        // Enter reveals: the answer, and the segment on the wire with A's new state.
        screen = try Self.press("Enter", terminal, showing: "seq 1739326486")
        #expect(screen.contains { $0.contains("Step 5 of 6") })
        #expect(screen.contains { $0.contains("B → A") && $0.contains("flags S. (SYN+ACK)") })
        #expect(screen.contains { $0.contains("seq 1739326486") && $0.contains("ack 3626544837") })
        #expect(screen.contains { $0.contains("S. 1739326486:1739326486(0)") })
        #expect(screen.contains { $0.contains("ESTABLISHED") })

        // b blanks the projector; any key brings back the same step.
        try terminal.send("b")
        try terminal.waitFor("a blank screen") { lines in lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        screen = try Self.press("Space", terminal, showing: "Step 5 of 6")
        #expect(screen.contains { $0.contains("Step 5 of 6") })
        #expect(screen.contains { $0.contains("seq 1739326486") })

        // g jumps; PageUp goes back onto the question with the answer hidden again.
        try terminal.send("g", "6", "Enter")
        try terminal.waitFor("Step 6 of 6")
        _ = try Self.press("PageUp", terminal)
        screen = try Self.press("PageUp", terminal, showing: "Question for the class")
        #expect(screen.contains { $0.contains("Question for the class") })
        #expect(!screen.joined().contains("1739326486"))

        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func chineseAndAnimatedCrossing() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.present(terminal, ["--lang", "zh", "--animate"], firstStep: "第 1 步，共 6 步")
        try terminal.send("l")
        try terminal.waitFor("Step 1 of 6")
        try terminal.send("l")
        try terminal.waitFor("第 1 步，共 6 步")
        for _ in 0..<3 { try terminal.send("PageDown") }
        // Animated, the arrow still arrives on its own.
        let arrived = try terminal.waitFor("the SYN's arrow at B") { lines in
            lines.contains { $0.contains("─>┘") } && lines.contains { $0.contains("第 4 步") }
        }
        #expect(arrived.contains { $0.contains("S 3626544836:3626544836(0)") })
        try terminal.send("PageDown")
        try terminal.waitFor("请全班回答")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func aSmallWindowSaysSoAndTheLayoutComesBack() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.present(terminal)
        try terminal.tmux(["resize-window", "-t", "0", "-x", "60", "-y", "20"])
        try terminal.waitFor("at least 80x24")
        try terminal.tmux(["resize-window", "-t", "0", "-x", "120", "-y", "40"])
        // At 120x40 the states are big letters: the box rows hold no state name as text.
        let lines = try terminal.waitFor("the 120x40 layout") { lines in
            lines.count >= 40 && lines[3].contains("Step 1 of 6")
        }
        #expect(!lines[6...14].joined().contains("CLOSED"))
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    /// Every way out of the presenter.
    enum ExitPath: String, CaseIterable, CustomStringConvertible {
        case controlC, sigterm, sighup, crash
        var description: String { rawValue }
    }

    @Test(arguments: ExitPath.allCases)
    func everyWayOutRestoresTheTerminal(_ path: ExitPath) throws {
        let terminal = try TmuxTerminal()
        let run = try Self.present(terminal, ["--test-crash-key", "!"])
        _ = try Self.press("PageDown", terminal)
        let pid = try run.pid()
        switch path {
        case .controlC: try terminal.send("C-c")
        case .sigterm: kill(pid, SIGTERM)
        case .sighup: kill(pid, SIGHUP)
        case .crash: try terminal.send("!")
        }
        let status = try run.expectRestored(timeout: 60)
        switch path {
        case .controlC: #expect(status == 0)
        case .sigterm: #expect(status == 128 + Int(SIGTERM))
        case .sighup: #expect(status == 128 + Int(SIGHUP))
        case .crash: #expect(status > 128, "status \(status)")
        }
    }

    @Test func withoutATerminalItPrintsNumberedLines() throws {
        let terminal = try TmuxTerminal()
        let path = terminal.folder.appendingPathComponent("presenter-check.lesson").path
        try Self.lesson.write(toFile: path, atomically: true, encoding: .utf8)
        let output = terminal.folder.appendingPathComponent("plain.txt").path
        try terminal.type(
            "printf '\\n\\n\\n\\n\\nq\\n' | \(try TutorProgram.path()) present \(path) > \(output) 2>&1; echo PLAIN-''DONE"
        )
        try terminal.send("Enter")
        // The quotes keep the typed command from matching before it has run.
        try terminal.waitFor("PLAIN-DONE")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("using plain mode"))
        #expect(text.contains("Step 5 of 6. Question for the class: Who sends next?"))
        #expect(text.contains("  Answer: B → A   flags S. (SYN+ACK)   seq 1739326486   ack 3626544837"))
        #expect(!text.contains("\u{1B}["), "no escape sequences in plain mode")
    }
}
