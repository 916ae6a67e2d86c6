import Foundation
import Testing

/// The new `time` questions on the full screen: when a timer that sends nothing takes A to CLOSED (lessons 14 and
/// 34), and when the first data byte leaves and arrives (lesson 35, from connect()). While a question is up the
/// screen shows neither the state reached nor the time, even with the TCB panel on.
@Suite(.serialized) struct StateTimeQuizTerminalTests {
    /// Starts the tutor and opens lesson `number` from the menu with the TCB panel on, then steps back from its end
    /// onto its last question (the TIME_WAIT question comes before the lesson's last step), which must be `asked`.
    static func openLastQuestion(lesson number: Int, asked: String) throws -> (TmuxTerminal, TutorRun, [String]) {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let run = try NumberingAndInFlightTerminalTests.open(number, terminal)
        try terminal.send("t")
        // Both hosts start CLOSED, without a TCB.
        let start = try terminal.waitFor("no TCB")
        try terminal.send("End")
        _ = try terminal.waitForChange(from: start, "the lesson's last step")
        try terminal.send("Left")
        let screen = try terminal.waitFor(asked)
        #expect(screen.contains { $0.contains("SND.UNA") }, "the TCB panel is on")
        let text = screen.joined(separator: "\n")
        #expect(!Self.answers.contains { text.contains($0) }, "\(text)")
        return (terminal, run, screen)
    }

    /// Types `typed` into the question on screen and returns the feedback once `points` shows.
    static func answer(_ typed: String, _ terminal: TmuxTerminal, points: String) throws -> String {
        try terminal.type(typed)
        try terminal.send("Enter")
        return try terminal.waitFor(points).joined(separator: "\n")
    }

    /// Steps past the feedback onto A CLOSED, then leaves the lesson and the program.
    static func closeAndLeave(_ terminal: TmuxTerminal, _ run: TutorRun) throws {
        // Space shows the wait's step; q leaves the lesson for the menu, and the menu for the shell.
        for (key, next) in [("Space", "│ CLOSED"), ("q", "Lessons")] {
            try terminal.send(key)
            try terminal.waitFor(next)
        }
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    /// The answer's spellings: 2 × MSL of the RFC's 2-minute MSL.
    static let answers = ["4 min", "240 s", "240000", "4 minutes"]

    @Test func simultaneousCloseQuestionShowsNeitherClosedNorTheTime() throws {
        let (terminal, run, screen) = try Self.openLastQuestion(
            lesson: 14, asked: "How long after A enters TIME_WAIT does A leave TIME_WAIT?")
        #expect(!screen.contains { $0.contains("CLOSED") }, "\(screen.joined(separator: "\n"))")
        // Both hosts are still in TIME_WAIT, each with its TCB on screen.
        let states = try #require(screen.first { $0.contains("TIME_WAIT") && $0.hasPrefix("│") })
        #expect(states.components(separatedBy: "TIME_WAIT").count == 3, "\(states)")
        // One MSL: the note on why TIME_WAIT lasts two; the answer is the engine's timer.
        let feedback = try Self.answer("2 min", terminal, points: "0 of 2 points")
        #expect(feedback.contains("you: 2 min  right: 4 min"), "\(feedback)")
        #expect(feedback.contains("That is one MSL, half of TIME_WAIT"), "\(feedback)")
        #expect(feedback.contains("TIME_WAIT → CLOSED 4 min after A enters TIME_WAIT"), "\(feedback)")
        try Self.closeAndLeave(terminal, run)
    }

    @Test func timeWaitQuestionAfterTheLastAckHidesAsState() throws {
        let (terminal, run, screen) = try Self.openLastQuestion(
            lesson: 34, asked: "How long after the segment before it does A leave TIME_WAIT?")
        // A's box says TIME_WAIT; CLOSED is on screen only on B's side (B's box and B's column of the ladder):
        // B deleted its connection when A's last ACK arrived.
        let states = try #require(screen.first { $0.hasPrefix("│ TIME_WAIT") }, "\(screen)")
        #expect(states.hasSuffix("│ CLOSED             │"), "\(states)")
        for line in screen where line.contains("CLOSED") {
            let column = try #require(displayColumn(of: "CLOSED", in: line))
            #expect(column > 50, "CLOSED on A's side: \(line)")
        }
        let feedback = try Self.answer("4 min", terminal, points: "2 of 2 points")
        #expect(feedback.contains("right") && feedback.contains("4 min"), "\(feedback)")
        try Self.closeAndLeave(terminal, run)
    }

    @Test func firstDataByteFromConnect() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let run = try TutorRun(terminal, arguments: ["quiz", "first-data-byte", "--no-animation"])
        // Each question is asked before the crossing it is about: nothing on screen says the state reached or the
        // time. The second answer is one RTT, when the data left, not when it arrived.
        let questions = [
            (
                number: "question 1 of 2", asked: "How long after A's connect() does A leave SYN_SENT?",
                hidden: ["ESTABLISHED", "100 ms"], typed: "100 ms", points: "2 of 2 points",
                verdict: "right   time     100 ms"
            ),
            (
                number: "question 2 of 2", asked: "How long after A's connect() does this segment arrive?",
                hidden: ["150 ms"], typed: "100ms", points: "0 of 2 points", verdict: "you: 100 ms  right: 150 ms"
            ),
        ]
        for question in questions {
            let text = try terminal.waitFor(question.number).joined(separator: "\n")
            #expect(text.contains(question.asked), "\(text)")
            #expect(!question.hidden.contains { text.contains($0) }, "\(text)")
            let feedback = try Self.answer(question.typed, terminal, points: question.points)
            #expect(feedback.contains(question.verdict), "\(feedback)")
            try terminal.send("Space")
        }
        try terminal.waitFor("Quiz results")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func plainModeAsksBeforeTheWaitAndShowsClosedAfterIt() throws {
        // Lesson 14 from the menu, then Enter through its steps.
        let result = try PlainModeTerminalTests().runPiped([], input: "14\n" + String(repeating: "\n", count: 24))
        let lines = result.output.split(separator: "\n").map(String.init)
        let asked = try #require(
            lines.firstIndex { $0.contains("Quiz: How long after A enters TIME_WAIT does A leave TIME_WAIT?") },
            "\(result.output)")
        #expect(!lines[asked].contains("CLOSED"), "\(lines[asked])")
        #expect(lines[asked - 2].contains("A: TIME_WAIT, B: TIME_WAIT."), "\(lines[asked - 2])")
        #expect(lines[asked + 2].contains("300 s pass. A: CLOSED, B: CLOSED."), "\(lines[asked + 2])")
    }
}
