import Foundation
import Testing

/// The new `time` questions on the full screen: when a timer that sends nothing takes A to CLOSED (lessons 14 and
/// 34), and when the first data byte leaves and arrives (lesson 35, from connect()). While a question is up the
/// screen shows neither the state reached nor the time, even with the TCB panel on.
@Suite(.serialized) struct StateTimeQuizTerminalTests {
    /// Opens lesson `number` from the menu with the TCB panel on, and steps back from its end onto its last
    /// question (the TIME_WAIT question comes before the lesson's last step).
    static func openLastQuestion(_ terminal: TmuxTerminal, lesson number: Int) throws -> [String] {
        try terminal.waitFor("Lessons")
        try terminal.send("g")
        try terminal.type(String(number))
        try terminal.send("Enter")
        try terminal.waitFor("Step 1 of")
        try terminal.send("t")
        // Both hosts start CLOSED, without a TCB.
        let start = try terminal.waitFor("no TCB")
        try terminal.send("End")
        _ = try terminal.waitForChange(from: start, "the lesson's last step")
        try terminal.send("Left")
        let screen = try terminal.waitFor("leave TIME_WAIT?")
        #expect(screen.contains { $0.contains("SND.UNA") }, "the TCB panel is on")
        return screen
    }

    /// The answer's spellings: 2 × MSL of the RFC's 2-minute MSL.
    static let answers = ["4 min", "240 s", "240000", "4 minutes"]

    @Test func simultaneousCloseQuestionShowsNeitherClosedNorTheTime() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let run = try TutorRun(terminal)
        let screen = try Self.openLastQuestion(terminal, lesson: 14)
        let text = screen.joined(separator: "\n")
        #expect(text.contains("How long after A enters TIME_WAIT does A leave TIME_WAIT?"), "\(text)")
        #expect(!text.contains("CLOSED"), "\(text)")
        #expect(!Self.answers.contains { text.contains($0) }, "\(text)")
        // Both hosts are still in TIME_WAIT, each with its TCB on screen.
        let states = try #require(screen.first { $0.contains("TIME_WAIT") && $0.hasPrefix("│") })
        #expect(states.components(separatedBy: "TIME_WAIT").count == 3, "\(states)")
        // One MSL: the note on why TIME_WAIT lasts two; the answer is the engine's timer.
        try terminal.type("2 min")
        try terminal.send("Enter")
        let feedback = try terminal.waitFor("0 of 2 points").joined(separator: "\n")
        #expect(feedback.contains("you: 2 min  right: 4 min"), "\(feedback)")
        #expect(feedback.contains("That is one MSL, half of TIME_WAIT"), "\(feedback)")
        #expect(feedback.contains("TIME_WAIT → CLOSED 4 min after A enters TIME_WAIT"), "\(feedback)")
        try terminal.send("Space")
        try terminal.waitFor("│ CLOSED")
        try terminal.send("q")
        try terminal.waitFor("Lessons")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func timeWaitQuestionAfterTheLastAckHidesAsState() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let run = try TutorRun(terminal)
        let screen = try Self.openLastQuestion(terminal, lesson: 34)
        let text = screen.joined(separator: "\n")
        #expect(text.contains("How long after the segment before it does A leave TIME_WAIT?"), "\(text)")
        #expect(!Self.answers.contains { text.contains($0) }, "\(text)")
        // A's box says TIME_WAIT; CLOSED is on screen only on B's side (B's box and B's column of the ladder):
        // B deleted its connection when A's last ACK arrived.
        let states = try #require(screen.first { $0.hasPrefix("│ TIME_WAIT") }, "\(text)")
        #expect(states.hasSuffix("│ CLOSED             │"), "\(states)")
        for line in screen where line.contains("CLOSED") {
            let column = try #require(displayColumn(of: "CLOSED", in: line))
            #expect(column > 50, "CLOSED on A's side: \(line)")
        }
        try terminal.type("4 min")
        try terminal.send("Enter")
        let feedback = try terminal.waitFor("2 of 2 points").joined(separator: "\n")
        #expect(feedback.contains("right") && feedback.contains("4 min"), "\(feedback)")
        try terminal.send("Space")
        try terminal.waitFor("│ CLOSED             │")
        try terminal.send("q")
        try terminal.waitFor("Lessons")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func firstDataByteFromConnect() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let run = try TutorRun(terminal, arguments: ["quiz", "first-data-byte", "--no-animation"])
        var screen = try terminal.waitFor("question 1 of 2")
        var text = screen.joined(separator: "\n")
        #expect(text.contains("How long after A's connect() does A leave SYN_SENT?"), "\(text)")
        // Asked before the SYN+ACK's crossing: A is still in SYN_SENT and nothing says ESTABLISHED or the time.
        #expect(!text.contains("ESTABLISHED") && !text.contains("100 ms"), "\(text)")
        try terminal.type("100 ms")
        try terminal.send("Enter")
        screen = try terminal.waitFor("2 of 2 points")
        #expect(screen.contains { $0.contains("right") }, "\(screen.joined(separator: "\n"))")
        try terminal.send("Space")
        screen = try terminal.waitFor("question 2 of 2")
        text = screen.joined(separator: "\n")
        #expect(text.contains("How long after A's connect() does this segment arrive?"), "\(text)")
        #expect(!text.contains("150 ms"), "\(text)")
        // One RTT is when it left, not when it arrived.
        try terminal.type("100ms")
        try terminal.send("Enter")
        screen = try terminal.waitFor("0 of 2 points")
        let wrong = try #require(screen.first { $0.contains("wrong") }, "\(screen.joined(separator: "\n"))")
        #expect(wrong.contains("you: 100 ms") && wrong.contains("right: 150 ms"), "\(wrong)")
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz results")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }
}
