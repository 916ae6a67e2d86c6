import Foundation
import TCPTutorTestSupport
import Testing

/// A real capture on the tutor's screen: `tcptutor replay FILE --quiz` in tmux.
@Suite(.serialized) struct ReplayTerminalTests {
    static let capture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CaptureKitTests/Fixtures/a-closes-first.pcap").path

    @Test func aCaptureQuizAsksForTheRealSegmentAndTheTerminalIsRestored() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["replay", Self.capture, "--quiz"])
        try terminal.waitFor("10.201.0.1:3337 → 10.201.0.2:7788")
        try terminal.send("PageDown")
        // A's first SYN: its ISN cannot be predicted, so only sender, flags and ack are asked.
        let question = try terminal.waitFor("Who sends next")
        #expect(question.contains { $0.contains("sender") })
        #expect(!question.contains { $0.contains("  seq    [") })
        try terminal.type("A")
        try terminal.send("Tab")
        try terminal.type("S")
        try terminal.send("Tab")
        try terminal.type("none")
        try terminal.send("Enter")
        let feedback = try terminal.waitFor("points")
        #expect(feedback.contains { $0.contains("right") && $0.contains("sender") })
        #expect(feedback.contains { $0.contains("SYN_SENT") })
        try terminal.send("Escape")
        // Quitting with 9 questions left shows the score so far, and asks again.
        try terminal.send("q")
        let dialog = try terminal.waitFor("Quiz so far")
        #expect(dialog.contains { $0.contains("Quiz so far: 1 of 10 questions answered, 5 of 5 points") })
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func theQuizScoreStaysOnTheTerminalAfterTheScreenCloses() throws {
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        try terminal.type(
            "\(try TutorProgram.path()) replay \(Self.capture) --quiz --no-animation; echo DONE-$? > \(folder)/status")
        try terminal.send("Enter")
        try terminal.waitFor("Step 1 of 11")
        try terminal.send("PageDown")
        try terminal.waitFor("Who sends next")
        // A wrong sender, right flags and ack: 4 of 5 points.
        try terminal.type("B")
        try terminal.send("Tab")
        try terminal.type("S")
        try terminal.send("Tab")
        try terminal.type("none")
        try terminal.send("Enter")
        try terminal.waitFor("points")
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz so far: 1 of 10 questions answered")
        try terminal.send("q")
        #expect(try terminal.waitForFile(folder + "/status") == "DONE-0\n")
        let printed = try terminal.history()
        let score = try #require(
            printed.split(separator: "\n").first { $0.hasPrefix("1 of 10 questions answered") }, "\(printed)")
        #expect(score.hasSuffix("of 5 points") && !score.contains("5 of 5"), "\(score)")
        #expect(printed.contains("sender: 0 of 1 right"))
        #expect(printed.contains("flags: 1 of 1 right"))
    }

    @Test func aQuizAnsweredToTheEndShowsItsScoreOnTheLastStepAndQQuitsAtOnce() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(
            terminal, arguments: ["replay", Self.fixture("refused.pcap"), "--quiz", "--no-animation"])
        try terminal.waitFor("Step 1 of 3")
        try terminal.send("PageDown")
        try terminal.waitFor("Who sends next")
        for (index, answers) in [["A", "S", "none"], ["B", "R.", "0", "1"]].enumerated() {
            if index > 0 {
                try terminal.send("Space")
                try terminal.send("Space")
                try terminal.waitFor("Who sends next")
            }
            for (field, answer) in answers.enumerated() {
                if field > 0 { try terminal.send("Tab") }
                try terminal.type(answer)
            }
            try terminal.send("Enter")
            try terminal.waitFor("points")
        }
        try terminal.send("Space")
        let end = try terminal.waitFor("Press q to quit")
        let words = Self.words(end)
        #expect(words.contains("The end. Quiz: 2 of 2 questions answered,"), "\(words)")
        // Nothing is left to answer: q quits without asking.
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: capture).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The screen's text with the wrapping undone: every run of spaces and line ends as one space.
    static func words(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// Every `address:port` on a line, as written.
    static func endpoints(in line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "…" }).map(String.init).filter {
            $0.contains(":") && $0.contains(".") && $0.first?.isNumber == true
        }
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theTitleNeverCutsAPortAndSaysWhichStreamIsShown(size: (width: Int, height: Int)) throws {
        let terminal = try TmuxTerminal(width: size.width, height: size.height)
        let run = try TutorRun(terminal, arguments: ["replay", Self.fixture("port-reuse.pcap"), "--no-animation"])
        let screen = try terminal.waitFor("Step 1 of 9")
        // The capture holds two connections: which one is shown is said on the screen.
        #expect(Self.words(screen).contains("holds 2 TCP connections; showing stream 0"))
        let header = screen[0]
        let shown = Self.endpoints(in: header)
        #expect(!shown.isEmpty, "the header names the connection's ends: \(header)")
        for endpoint in shown {
            #expect(["10.201.0.1:40000", "10.201.0.2:7788"].contains(endpoint), "a cut port: \(header)")
        }
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        let after = try terminal.screen().joined(separator: "\n")
        #expect(!after.contains("holds 2 TCP connections"), "said on the screen, not after it")
    }

    @Test func theLastStepSaysThatQQuitsAndEachStepWhyItsSegmentWasSent() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["replay", Self.fixture("refused.pcap"), "--no-animation"])
        try terminal.waitFor("Step 1 of 3")
        try terminal.send("Space")
        let first = try terminal.waitFor("Step 2 of 3")
        let words = Self.words(first)
        #expect(words.contains("why: an active OPEN sends SYN"), "the rule, as --explain says it")
        #expect(words.contains("RFC 9293 §3.10.1"))
        #expect(first.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("q quit") == true)
        // The help says it too.
        try terminal.send("?")
        let help = try terminal.waitFor("Press any key to close")
        #expect(help.contains { $0.contains(" q ") && $0.contains("quit") && !$0.contains("menu") })
        try terminal.send("Escape")
        try terminal.send("End")
        let last = try terminal.waitFor("Press q to quit")
        #expect(!last.joined().contains("for the menu"))
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func aCaptureOnTheScreenTakesTheTutorsScreenOptions() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(
            terminal, arguments: ["replay", Self.capture, "--ascii-lines", "--no-animation", "--language", "zh"])
        let lines = try terminal.waitFor("the capture in Chinese with ASCII boxes") { lines in
            lines.contains { $0.contains("+- A ") } && lines.contains { $0.contains("第 1 步") }
        }
        #expect(!lines.joined().contains("┌"), "no line-drawing characters with --ascii-lines")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test(arguments: [false, true])
    func aDumbTerminalGetsPlainLinesAndTheQuizNeverItsAnswers(quiz: Bool) throws {
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        let command = "TERM=dumb \(try TutorProgram.path()) replay \(Self.capture)\(quiz ? " --quiz" : "")"
        try terminal.type("\(command); echo DONE-$? > \(folder)/status")
        try terminal.send("Enter")
        if quiz {
            try terminal.waitFor("sender (A or B)")
            try terminal.type("q")
            try terminal.send("Enter")
        }
        let status = try terminal.waitForFile(folder + "/status")
        #expect(status == "DONE-0\n")
        #expect(try terminal.format("#{alternate_on}") == "0")
        let printed = try terminal.history()
        #expect(printed.contains("using plain mode"))
        if quiz {
            #expect(printed.contains("Quiz: 10 questions"))
            #expect(!printed.contains("SYN_SENT"), "a quiz never prints its answers")
        } else {
            #expect(printed.contains("SYN_SENT"), "the timeline is printed instead")
        }
    }
}
