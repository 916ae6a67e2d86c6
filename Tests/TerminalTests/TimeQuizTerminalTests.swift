import Foundation
import Testing

/// Lesson 32's `time` questions on the full screen: a duration typed with its unit is graded from the virtual
/// clock; the wrong answer shows both durations.
@Suite(.serialized) struct TimeQuizTerminalTests {
    @Test func timeQuestionAnsweredRightThenTwiceTooLong() throws {
        let terminal = try TmuxTerminal(width: 80, height: 24)
        let run = try TutorRun(terminal, arguments: ["quiz", "timing-questions", "--no-animation"])
        var screen = try terminal.waitFor("question 1 of 3")
        let asked = screen.joined(separator: "\n")
        #expect(asked.contains("How long after the segment before it does this one leave?"), "\(asked)")
        // The field's note fits beside it at 80 columns.
        #expect(asked.contains("a duration with a unit: ms, s, min, h"), "\(asked)")
        // The copy of the lost data segment leaves one initial timeout after it.
        try terminal.type("1 s")
        try terminal.send("Enter")
        screen = try terminal.waitFor("2 of 2 points")
        #expect(screen.contains { $0.contains("right") }, "\(screen.joined(separator: "\n"))")
        try terminal.send("Space")
        try terminal.waitFor("question 2 of 3")
        // The timeout doubled: two seconds. Four is doubled once too often.
        try terminal.type("4s")
        try terminal.send("Enter")
        screen = try terminal.waitFor("0 of 2 points")
        let wrong = try #require(screen.first { $0.contains("wrong") }, "\(screen.joined(separator: "\n"))")
        #expect(wrong.contains("you: 4 s") && wrong.contains("right: 2 s"), "\(wrong)")
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor("Quiz results")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }
}
