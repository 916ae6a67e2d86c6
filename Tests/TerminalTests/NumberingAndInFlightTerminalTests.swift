import Foundation
import Testing

/// What `r` does to the narration, and where "in flight" is drawn, in a real terminal (tmux).
@Suite(.serialized) struct NumberingAndInFlightTerminalTests {
    /// Starts the tutor and opens lesson `number` with `g`.
    static func open(_ number: Int, _ terminal: TmuxTerminal) throws -> TutorRun {
        let run = try TutorRun(terminal)
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("g")
        try terminal.type(String(number))
        try terminal.send("Enter")
        try terminal.waitFor("Step 1 of")
        return run
    }

    @Test func relativeNumbersReachTheNarration() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.open(2, terminal)
        // Step 3 is A's connect(): its question comes first, and PageDown passes it to the step's narration.
        try terminal.send("g", "3", "Enter")
        try terminal.waitFor("A → B: Which flags, seq, ack?")
        try terminal.send("PageDown")
        var screen = try terminal.waitFor("sequence number is 3626544836")
        #expect(screen[0].contains("absolute numbers"))
        try terminal.send("r")
        screen = try terminal.waitFor("sequence number is 0.")
        #expect(screen[0].contains("relative numbers"))
        #expect(!screen.joined().contains("3626544836"), "no absolute number is left on the screen")
        try terminal.send("r")
        try terminal.waitFor("sequence number is 3626544836")
        try terminal.send("q", "q")
        try run.expectRestored()
    }

    /// `q` in the go-to dialog closes it, as Esc does and as in the presenter: the lesson stays where it was.
    @Test func qClosesTheGoToDialogAndStaysInTheLesson() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.open(2, terminal)
        try terminal.send("PageDown")
        try terminal.waitFor("Step 2 of")
        try terminal.send("g", "5")
        try terminal.waitFor("Go to step")
        try terminal.send("q")
        let screen = try terminal.waitFor("the dialog closed") { !$0.joined().contains("Go to step") }
        #expect(screen.joined().contains("Step 2 of"), "still at step 2 of the lesson, not the menu")
        #expect(!screen.joined().contains("TCPTutor  Lessons"))
        try terminal.send("q", "q")
        try run.expectRestored()
    }

    @Test func inFlightIsDrawnBesideItsSender() throws {
        let terminal = try TmuxTerminal()
        let run = try Self.open(4, terminal)
        // Step 9 of the four-way teardown: A's FIN has arrived (on the wire), B's ACK is on its way.
        try terminal.send("g", "9", "Enter")
        let screen = try terminal.waitFor("Step 9 of")
        #expect(screen[3].contains("F. 3626544837:3626544837(0) ack 1739326487"))
        let note = screen[5]
        let end = try #require(note.firstRange(of: "1 in flight <──"), "\(screen[2...5].joined(separator: "\n"))")
        #expect(note[end.upperBound...].hasPrefix(" └"), "right against B's box: \(note)")
        try terminal.send("q", "q")
        try run.expectRestored()
    }
}
