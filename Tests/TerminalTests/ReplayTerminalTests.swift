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
}
