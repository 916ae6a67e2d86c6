import Foundation
import Testing

/// A real capture on the tutor's screen: `tcptutor replay FILE --quiz` in tmux.
@Suite(.serialized) struct ReplayTerminalTests {
    static let capture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CaptureKitTests/Fixtures/a-closes-first.pcap").path

    @Test func aCaptureQuizAsksForTheRealSegmentAndTheTerminalIsRestored() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["replay", Self.capture, "--quiz"])
        try terminal.waitFor("Captured connection 0")
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
        let command = "TERM=dumb \(try tutorBinary()) replay \(Self.capture)\(quiz ? " --quiz" : "")"
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
