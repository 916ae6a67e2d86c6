import Foundation
import Testing

/// The menu's start, its help and its go-to dialog, the language flag, and the presenter on a projector-sized
/// terminal, in a real terminal (tmux).
@Suite(.serialized) struct MenuAndPresenterTerminalTests {
    /// Writes a progress file in the terminal's state folder: lesson 1 done, lesson 3 left at its fourth step.
    static func writeProgress(_ terminal: TmuxTerminal) throws {
        let folder = terminal.folder.appendingPathComponent("state/tcptutor")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let book = """
            {"version": 1, "lessons": {
              "flags-and-numbers": {"step": 17, "stepCount": 18, "completed": true},
              "initial-sequence-numbers": {"step": 3, "stepCount": 30, "completed": false}}}
            """
        try book.write(to: folder.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
    }

    static func progressFile(_ terminal: TmuxTerminal) throws -> String {
        try String(
            contentsOf: terminal.folder.appendingPathComponent("state/tcptutor/progress.json"), encoding: .utf8)
    }

    /// The screen with attributes and its trailing blanks: tmux drops trailing spaces, reverse-video ones too,
    /// which are the pixels of big letters at the end of a line, unless asked with -N.
    static func screenWithTrailingCells(_ terminal: TmuxTerminal) throws -> String {
        try terminal.tmux(["capture-pane", "-p", "-e", "-N", "-t", "0"])
    }

    @Test func theMenuStartsOnTheLessonInProgressListsItsKeysAndSaysTheRange() throws {
        let terminal = try TmuxTerminal()
        try Self.writeProgress(terminal)
        let run = try TutorRun(terminal)
        // Lesson 3's line shows its progress as soon as it loads; the cursor moves to it once every lesson has
        // loaded (until then the lessons in progress are not all known), so wait for both.
        var lines = try terminal.waitFor("the cursor on lesson 3, in progress, once all lessons loaded") { lines in
            lines.contains { $0.contains("at step 4 of") }
                && lines.contains { $0.hasPrefix(" >") && $0.contains(" 3. ") }
        }
        let selected = try #require(lines.first { $0.hasPrefix(" >") })
        #expect(selected.contains("at step 4 of"), "the cursor starts on the lesson in progress: \(selected)")

        try terminal.send("?")
        lines = try terminal.waitFor("choose a lesson")
        #expect(lines.contains { $0.contains("go to a lesson by number") })
        #expect(!lines.contains { $0.contains("next step") }, "the menu's keys, not the lesson's")
        try terminal.send("Escape")
        try terminal.waitFor("the help closed") { !$0.joined().contains("choose a lesson") }

        try terminal.send("g", "9", "9", "Enter")
        // As many lessons as the package's Lessons folder holds.
        let lessons = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons")
                .path
        ).filter { $0.hasSuffix(".lesson") }
        try terminal.waitFor("No lesson 99: lessons 1-\(lessons.count).")
        try terminal.send("Escape")
        try terminal.waitFor("the dialog closed") { !$0.joined().contains("No lesson 99") }

        // Enter resumes the lesson in progress where it was left.
        try terminal.send("Enter")
        lines = try terminal.waitFor("Step 4 of")
        let counter = try #require(lines.first { $0.contains("Step 4 of ") })
        let after = try #require(counter.firstRange(of: "Step 4 of "))
        let total = counter[after.upperBound...].prefix { $0.isNumber }
        try terminal.send("g", "9", "9", "Enter")
        try terminal.waitFor("No step 99: steps 1-\(total).")
        try terminal.send("Escape", "q")
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test func aLanguageGivenWithTheFlagIsForThatRunOnlyAndLIsSaved() throws {
        let terminal = try TmuxTerminal()
        var run = try TutorRun(terminal, arguments: ["--no-animation", "--lang", "zh"])
        try terminal.waitFor("TCPTutor  课程")
        // Open a lesson and step, so that progress is written.
        try terminal.send("Enter")
        try terminal.waitFor("第 1 步")
        try terminal.send("PageDown")
        try terminal.waitFor("第 2 步")
        try terminal.send("q")
        try terminal.waitFor("TCPTutor  课程")
        try terminal.send("q")
        try run.expectRestored()
        #expect(!(try Self.progressFile(terminal)).contains("languageCode"), "the flag's language is not saved")

        try terminal.send("clear", "Enter")
        run = try TutorRun(terminal)
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("l")
        try terminal.waitFor("TCPTutor  课程")
        try terminal.send("q")
        try run.expectRestored()
        #expect(try Self.progressFile(terminal).contains("\"zh\""), "a language chosen with l is saved")

        try terminal.send("clear", "Enter")
        run = try TutorRun(terminal)
        try terminal.waitFor("TCPTutor  课程")
        try terminal.send("q")
        try run.expectRestored()
    }

    @Test func thePresenterAt160x50ShowsTheQuestionAndTheAnswerInBigLettersAndTheLadder() throws {
        let terminal = try TmuxTerminal(width: 160, height: 50)
        let run = try PresenterTerminalTests.present(terminal)
        for _ in 0..<3 { _ = try PresenterTerminalTests.press("PageDown", terminal) }
        var screen = try PresenterTerminalTests.press("PageDown", terminal, showing: "Question for the class")
        var big = BigLetterReader.lines(try Self.screenWithTrailingCells(terminal))
        #expect(big.contains("WHO?  FLAGS?  SEQ?  ACK?"), "the question in big letters: \(big)")
        #expect(!big.joined().contains("3626544837") && !big.joined().contains("1739326486"))
        // The segments so far, in the bottom third: the SYN, and not yet the segment asked about.
        let heading = try #require(screen.firstIndex { $0.contains("segments so far") })
        #expect(heading >= 34, "the ladder fills the bottom third (heading on row \(heading))")
        #expect(screen[heading...].contains { $0.contains("S 3626544836:3626544836(0)") })
        #expect(!screen.contains { $0.contains("1739326486:1739326486") })

        screen = try PresenterTerminalTests.press("Enter", terminal, showing: "Answer")
        big = BigLetterReader.lines(try Self.screenWithTrailingCells(terminal))
        #expect(big.joined(separator: "  ") == "5/6  B>A  SYN+ACK  SEQ 1739326486  ACK 3626544837", "\(big)")
        #expect(screen[heading...].contains { $0.contains("S. 1739326486:1739326486(0) ack 3626544837") })
        try terminal.send("q")
        try run.expectRestored()
    }
}
