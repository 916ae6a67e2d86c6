import Foundation
import Testing

/// The end of a lesson with questions, in a real terminal: a summary with the points and the rules missed, and
/// `r` to answer the questions again.
@Suite(.serialized) struct LessonSummaryTerminalTests {
    @Test func theLastStepSummarisesTheQuizAndRRetries() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal)
        try terminal.openLesson()
        // Step through the lesson, answering each question wrong with a blank-free "S" and zeros.
        var answered = 0
        for _ in 0..<40 {
            let screen = try terminal.settled()
            if screen.contains(where: { $0.contains("Lesson finished") }) { break }
            if screen.contains(where: { $0.contains("Which flags") })
                && !screen.contains(where: { $0.contains("points") })
            {
                try terminal.type("S")
                try terminal.send("Tab")
                try terminal.type("0")
                try terminal.send("Tab")
                try terminal.type("0")
                try terminal.send("Enter")
                answered += 1
                _ = try terminal.waitFor("the feedback") { $0.contains { $0.contains("points") } }
            }
            try terminal.send("PageDown")
        }
        let summary = try terminal.waitFor("Lesson finished")
        let text = summary.joined(separator: "\n")
        #expect(answered >= 2)
        #expect(text.contains("3 of 3 questions answered"), "\(text)")
        #expect(text.contains("To go over again:"), "the rules behind the wrong answers: \(text)")
        #expect(text.contains("r retry the questions"))
        try terminal.send("r")
        try terminal.waitFor("step 1 again") { lines in
            lines.contains { $0.contains("Step 1 of") } && !lines.contains { $0.contains("Lesson finished") }
        }
        try terminal.send("q", "q")
        try run.expectRestored()
    }
}
