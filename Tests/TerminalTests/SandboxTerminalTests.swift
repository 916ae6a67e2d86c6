import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor sandbox` in a real terminal (tmux): the command line, Tab, the lesson screen's hosts and wire, the
/// explanations, undo, the TCB with `t`, and leaving with the terminal restored.
@Suite(.serialized) struct SandboxTerminalTests {
    /// Types `command` and Enter, then waits until `condition` holds for the lesson view.
    @discardableResult
    static func run(
        _ command: String, _ terminal: TmuxTerminal, until description: String,
        sourceLocation: SourceLocation = #_sourceLocation, _ condition: @escaping (LessonView, [String]) -> Bool
    ) throws -> [String] {
        try terminal.type(command)
        try terminal.send("Enter")
        return try terminal.waitFor(description, sourceLocation: sourceLocation) { screen in
            guard let view = LessonView(screen) else { return false }
            return condition(view, screen)
        }
    }

    /// Types `text`, presses `key` and waits until `shown` is on the screen.
    static func press(_ key: String, after text: String = "", _ terminal: TmuxTerminal, showing shown: String) throws {
        if !text.isEmpty { try terminal.type(text) }
        try terminal.send(key)
        try terminal.waitFor(shown)
    }

    @Test("typed commands run on the engine: states, the segment and its rule, Tab, a bad command, undo, quit")
    func typedSession() throws {
        let terminal = try TmuxTerminal()
        let tutor = try TutorRun(terminal, arguments: ["sandbox", "--isn", "A=100,B=300"])
        try terminal.waitFor("A: listen connect · B: listen connect")
        try Self.run("B listen", terminal, until: "B in LISTEN") { view, _ in view.stateB == "LISTEN" }
        // Tab completes the call from what A's state allows.
        try Self.press("Tab", after: "A con", terminal, showing: "> A connect")
        try Self.press("Enter", terminal, showing: "in flight A→B 1, B→A 0")
        var screen = try Self.run("A > B", terminal, until: "the SYN delivered") { view, _ in
            view.stateA == "SYN_SENT" && view.stateB == "SYN_RECEIVED"
        }
        #expect(screen.contains { $0.contains("S 100:100(0)") })
        #expect(screen.contains { $0.contains("RFC 9293 §3.10.1") })
        // A bad command: a caret under its column, and the screen's states unchanged.
        screen = try Self.run("drop A > C", terminal, until: "the problem's column") { _, screen in
            screen.contains { $0.contains("column 10: expected 'A > B'") }
        }
        #expect(screen.contains { $0.hasPrefix("  > drop A > C") })
        #expect(screen.contains { $0 == String(repeating: " ", count: 13) + "^" })
        #expect(LessonView(screen)?.stateB == "SYN_RECEIVED")
        // A refused call, with its rule.
        screen = try Self.run("A listen", terminal, until: "the refusal") { _, screen in
            screen.contains { $0.contains("refused, not run: A listen") }
        }
        #expect(screen.joined().contains("§3.10.1"))
        // Undo goes back to A's SYN on its way.
        try Self.run("undo", terminal, until: "B back in LISTEN") { view, screen in
            view.stateB == "LISTEN" && screen.contains { $0.contains("undone: back one step") }
        }
        // Tab with several words that fit shows them; Esc clears the line.
        try Self.press("Tab", after: "d", terminal, showing: "Tab: drop  duplicate")
        try Self.press("Escape", terminal, showing: "in flight A→B 1, B→A 0")
        // t on the empty line shows the TCBs.
        try Self.press("t", terminal, showing: "SND.NXT")
        // Steps not saved: quit says so once, and leaves the second time.
        try Self.press("Enter", after: "quit", terminal, showing: "2 steps typed and not saved: type quit again")
        try terminal.type("quit")
        try terminal.send("Enter")
        #expect(try tutor.expectRestored() == 0)
    }

    @Test("Ctrl-C leaves the sandbox with the terminal restored; in Chinese the screen speaks Chinese")
    func interruptAndChinese() throws {
        let terminal = try TmuxTerminal()
        let tutor = try TutorRun(terminal, arguments: ["sandbox", "--lang", "zh"])
        try terminal.waitFor("在途 A→B 0，B→A 0")
        let screen = try Self.run("A send 5", terminal, until: "the refusal in Chinese") { view, screen in
            view.stateA == "CLOSED" && screen.contains { $0.contains("被拒绝，未执行：A send 5") }
        }
        #expect(screen.contains { $0.contains("主机A处于CLOSED状态：没有连接可供发送数据") })
        try terminal.send("C-c")
        #expect(try tutor.expectRestored() == 0)
    }
}
