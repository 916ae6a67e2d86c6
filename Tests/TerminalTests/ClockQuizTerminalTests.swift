import Foundation
import Testing

/// Lesson 3's "booted 38 minutes ago: what ISN?" on the full screen: the setting is drawn, the ISN is not, until
/// the answer; then the feedback shows the clock's arithmetic.
@Suite(.serialized) struct ClockQuizTerminalTests {
    @Test func clockQuestionShowsTheSettingNotTheISN() throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let run = try TutorRun(terminal, arguments: ["quiz", "initial-sequence-numbers", "--no-animation"])
        var screen = try terminal.waitFor("question 1 of 2")
        let asked = screen.joined(separator: "\n")
        #expect(asked.contains("4.4BSD clock") && asked.contains("booted 38 minutes"), "\(asked)")
        #expect(!asked.contains("291840001"), "the ISN asked for is on screen:\n\(asked)")
        try terminal.type("1")
        try terminal.send("Enter")
        screen = try terminal.waitFor("the feedback") { $0.contains { $0.contains("wrong") } }
        let answered = screen.joined(separator: "\n")
        #expect(answered.contains("1 + 4560 × 64000 = 291840001"), "\(answered)")
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz results")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }
}
