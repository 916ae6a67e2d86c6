import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a student sees and what happens on every way out.
@Suite(.serialized) struct TutorTerminalTests {
    /// Opens the lesson whose menu line contains `title` (moving the selection to it), at its first step.
    @Test func steppingForwardShowsTheEngineStatesAndBackRestoresThemExactly() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal)
        try terminal.openLesson()
        var views: [LessonView] = []
        var screen = try terminal.settled()
        for _ in 0..<40 {
            guard let view = LessonView(screen) else { break }
            views.append(view)
            if screen.contains(where: { $0.contains("End of the lesson") }) { break }
            // PageDown, not Space: at a quiz point the answer panel takes Space as text; PageDown skips it.
            try terminal.send("PageDown")
            screen = try terminal.waitForChange(from: screen, "the next step")
            if screen.contains(where: { $0.contains("Lesson finished") }) {
                // The quiz summary at the end: Esc closes it over the last step.
                try terminal.send("Escape")
                screen = try terminal.waitForChange(from: screen, "the last step")
            }
        }
        // The seed's handshake as the engine computes it: each segment and the states after it arrives.
        let expected: [(label: [String], a: String, b: String)] = [
            (["S 3626544836:3626544836(0)"], "SYN_SENT", "SYN_RECEIVED"),
            (["S. 1739326486:1739326486(0)", "ack 3626544837"], "ESTABLISHED", "SYN_RECEIVED"),
            ([". 3626544837:3626544837(0)", "ack 1739326487"], "ESTABLISHED", "ESTABLISHED"),
        ]
        var searchFrom = 0
        for step in expected {
            let found = views[searchFrom...].firstIndex { view in step.label.allSatisfy { view.wire.contains($0) } }
            guard let found else {
                Issue.record("no step shows \(step.label) on the wire; steps seen:\n\(views.map(\.wire))")
                return
            }
            #expect(views[found].stateA == step.a, "A after \(step.label[0])")
            #expect(views[found].stateB == step.b, "B after \(step.label[0])")
            searchFrom = found + 1
        }
        // Back, one step at a time: every screen is exactly the one seen on the way forward.
        for view in views.reversed().dropFirst() {
            try terminal.send("PageUp")
            try terminal.waitFor("the earlier step") { $0 == view.screen }
        }
        try terminal.send("q")
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test func chineseTextKeepsColumnsAligned() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal)
        try terminal.waitFor("three-way handshake")
        try terminal.send("l")
        try terminal.waitFor("课程")
        try terminal.openLesson(titled: "三次握手")
        // Step to the SYN-ACK, revealing any quiz question on the way.
        var lines = try terminal.screen()
        for _ in 0..<12 where !lines[2...3].joined().contains("S. 1739326486") {
            try terminal.send("PageDown")
            lines = try terminal.waitForChange(from: lines, "a step")
        }
        let header = lines[0]
        #expect(header.contains("步"), "the header is in Chinese")
        #expect(displayWidth(header) <= 100)
        // Every box row fills the 100 columns exactly: nothing wide pushed a border out of place.
        for row in 2...5 { #expect(displayWidth(lines[row]) == 100, "row \(row): \(lines[row])") }
        // The ladder heading is Chinese; the B above the right lane stays over the lane.
        let headingRow = try #require(lines.firstIndex { $0.contains("已发送的报文段") })
        let laneB = try #require(displayColumn(of: "B", in: lines[headingRow]))
        let laneRow = lines[headingRow + 1]
        let laneCharacters = Array(laneRow)
        var column = 0
        var laneColumns: [Int] = []
        for character in laneCharacters {
            if character == "│" || character == ">" || character == "<" { laneColumns.append(column) }
            column += displayWidth(String(character))
        }
        #expect(laneColumns.contains(laneB) || laneColumns.contains(laneB - 1), "B at \(laneB), lanes \(laneColumns)")
        // Chinese narration is wrapped within the window.
        let narration = lines.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(!narration.isEmpty)
        for line in narration { #expect(displayWidth(line) <= 100, "too wide: \(line)") }
        try terminal.send("q")
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test func theMenuCountsLessonsOutOfSightOnASmallWindow() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let run = try TutorRun(terminal, arguments: [])
        // The list holds twenty rows at 80x24; the lessons after them are counted under the list.
        var lines = try terminal.waitFor("the count below the list") { lines in
            lines.contains { $0.contains("more lesson") && $0.contains("below") }
        }
        #expect(!lines.contains { $0.contains(" 21. ") })
        try terminal.send("End")
        lines = try terminal.waitFor("the count above the list") { lines in
            lines[1].contains("more lesson") && lines[1].contains("above")
        }
        #expect(lines[21].hasPrefix(" > "), "the last lesson, selected, on the list's last row")
        #expect(!lines.joined().contains("below"))
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test func resizingAtAnyMomentRelaysOutTheScreen() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: [])
        try terminal.openLesson()
        // PageDown steps past quiz points too (their answer panel takes Space as text).
        try terminal.send("PageDown", "PageDown", "PageDown", "PageDown")
        try terminal.tmux(["resize-window", "-t", "0", "-x", "80", "-y", "24"])
        var lines = try terminal.waitFor("the 80x24 layout") { lines in
            lines.count >= 24 && lines[23].contains("q menu") && displayWidth(lines[2]) == 80
        }
        #expect(LessonView(lines) != nil)
        try terminal.tmux(["resize-window", "-t", "0", "-x", "60", "-y", "20"])
        try terminal.waitFor("at least 80x24")
        try terminal.send("PageDown")
        try terminal.tmux(["resize-window", "-t", "0", "-x", "120", "-y", "40"])
        lines = try terminal.waitFor("the 120x40 layout") { lines in
            lines.count >= 40 && (lines[39].contains("q menu") || lines[39].contains("Esc leave"))
                && displayWidth(lines[2]) == 120
        }
        #expect(lines[0].contains("Step"))
        try terminal.send("q")
        try terminal.waitFor("Lessons")
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test(arguments: [false, true])
    func colourMeansSomethingAndNoColorTurnsItOff(noColor: Bool) throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, environment: noColor ? ["NO_COLOR=1"] : [])
        try terminal.openLesson()
        try terminal.send("End")
        try terminal.waitFor("End of the lesson")
        let screen = try terminal.screenWithAttributes()
        let colours = ["\u{1B}[36m", "\u{1B}[35m", "\u{1B}[32m"]  // host A, host B, SYN
        if noColor {
            for code in (30...37).map({ "\u{1B}[\($0)m" }) + ["\u{1B}[38;"] {
                #expect(!screen.contains(code), "no foreground colour at all: \(code.debugDescription)")
            }
            #expect(screen.contains("\u{1B}[1m"), "meaning stays visible through bold")
        } else {
            for colour in colours { #expect(screen.contains(colour), "missing \(colour.debugDescription)") }
        }
        try terminal.send("q", "q")
        try run.expectRestored()
    }

    @Test func asciiLinesDrawBoxesWithoutLineDrawingCharacters() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["--no-animation", "--ascii-lines"])
        try terminal.openLesson()
        let lines = try terminal.settled()
        #expect(lines[2].hasPrefix("+- A -"), "box top: \(lines[2])")
        #expect(lines[3].hasPrefix("| 192.168.1.116:3337"), "box side: \(lines[3])")
        let drawn = lines.joined()
        for glyph in ["─", "│", "┌", "┐", "└", "┘"] { #expect(!drawn.contains(glyph)) }
        try terminal.send("q", "q")
        try run.expectRestored()
    }

    /// Every way out of the program.
    enum ExitPath: String, CaseIterable, CustomStringConvertible {
        case quitKey, controlC, sigint, sigterm, sighup, crash, sigtrap, sigill, sigsegv
        var description: String { rawValue }
    }

    @Test(arguments: ExitPath.allCases)
    func everyWayOutRestoresTheTerminal(_ path: ExitPath) throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["--test-crash-key", "!"])
        try terminal.openLesson()
        try terminal.send("Space")
        try terminal.waitFor("Step 2 of")
        #expect(try terminal.format("#{alternate_on}") == "1")
        let pid = try run.pid()
        switch path {
        case .quitKey:
            try terminal.send("q")
            try terminal.waitFor("Lessons")
            try terminal.send("q")
        case .controlC: try terminal.send("C-c")
        case .sigint: kill(pid, SIGINT)
        case .sigterm: kill(pid, SIGTERM)
        case .sighup: kill(pid, SIGHUP)
        case .crash: try terminal.send("!")
        case .sigtrap: kill(pid, SIGTRAP)
        case .sigill: kill(pid, SIGILL)
        case .sigsegv: kill(pid, SIGSEGV)
        }
        let status = try run.expectRestored(timeout: 60)
        switch path {
        case .quitKey, .controlC: #expect(status == 0)
        case .sigint: #expect(status == 128 + Int(SIGINT))
        case .sigterm: #expect(status == 128 + Int(SIGTERM))
        case .sighup: #expect(status == 128 + Int(SIGHUP))
        case .crash, .sigtrap, .sigill, .sigsegv: #expect(status > 128, "status \(status)")
        }
        // The progress made before leaving was saved (a crash may lose the last second only).
        if path != .crash, path != .sigtrap, path != .sigill, path != .sigsegv {
            let progress = try String(
                contentsOfFile: terminal.folder.path + "/state/tcptutor/progress.json", encoding: .utf8)
            #expect(progress.contains("\"step\" : 1"), "progress: \(progress)")
        }
    }
}
