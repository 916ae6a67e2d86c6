import Foundation
import Testing

/// `?` is the help in every mode and `h` the hint, typed as a student types them: the help opens in a lesson, at
/// a question with its answer field focused and not, and in the presenter (the exam's is in `QuizTerminalTests`);
/// in a field `h` is a letter like any other.
@Suite(.serialized) struct HelpKeyTerminalTests {
    static let helpClose = "Press any key to close"

    /// Presses `?`, waits for the help and returns it; Esc closes it again.
    static func help(_ terminal: TmuxTerminal) throws -> [String] {
        try terminal.send("?")
        let help = try terminal.waitFor(helpClose)
        try terminal.send("Escape")
        try terminal.waitFor("the help closed") { !$0.contains { $0.contains(helpClose) } }
        return help
    }

    @Test func questionMarkIsHelpInALessonAndAtAQuestionAndHGivesTheHint() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["--no-animation"])
        try terminal.openLesson()
        var help = try Self.help(terminal)
        #expect(help.contains { $0.contains("next step") })
        #expect(help.contains { $0.contains("a hint (costs points)") }, "the question's keys are listed too")

        // Step to the first question: its answer field has the keys.
        var screen = try terminal.settled()
        for _ in 0..<20 where !screen.contains(where: { $0.contains("Enter next/submit") }) {
            try terminal.send("PageDown")
            screen = try terminal.settled()
        }
        let keyBar = screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(keyBar.contains("Enter next/submit") && keyBar.contains("? help"), "\(keyBar)")
        help = try Self.help(terminal)
        #expect(help.contains { $0.contains("answer panel: next / previous field") })
        screen = try terminal.settled()
        #expect(!screen.contains { $0.contains("hint 1 of 2") }, "? took no hint")

        // In the field, h is typed, as every letter.
        try terminal.type("h")
        try terminal.waitFor("[h")
        #expect(!(try terminal.screen()).contains { $0.contains("hint 1 of 2") })
        try terminal.send("BSpace")
        try terminal.waitFor("the h erased") { !$0.contains { $0.contains("[h") } }

        // Esc leaves the field: the key bar offers h for a hint, ? is still the help, and h gives the hint.
        try terminal.send("Escape")
        screen = try terminal.waitFor("h hint")
        help = try Self.help(terminal)
        #expect(help.contains { $0.contains("next step") })
        try terminal.send("h")
        try terminal.waitFor("hint 1 of 2")
        try terminal.send("q")
        try terminal.waitFor("the menu") { $0.contains { $0.contains("Lessons") } }
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func questionMarkIsHelpInThePresenterAndHIsNot() throws {
        let terminal = try TmuxTerminal()
        let run = try PresenterTerminalTests.present(terminal)
        let help = try Self.help(terminal)
        #expect(help.contains { $0.contains("blank the screen") })
        let before = try terminal.settled()
        try terminal.send("h")
        usleep(300_000)
        #expect(try terminal.settled() == before, "h is the hint key, and the presenter gives no hints")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }
}
