import Foundation
import Testing

/// Answer fields typed in as a student types: mistakes, Backspace, arrows, Delete, Shift-Tab and the space bar,
/// with the terminal's own cursor checked cell by cell.
@Suite(.serialized) struct AnswerFieldTerminalTests {
    /// Where the terminal cursor is and whether it is shown.
    struct Cursor: Equatable, CustomStringConvertible {
        var x: Int
        var y: Int
        var shown: Bool
        var description: String { "(\(x), \(y)) \(shown ? "shown" : "hidden")" }
    }

    /// One field row of the answer panel.
    struct Field {
        var row: Int
        /// The display column of its '['.
        var bracket: Int
        /// What is typed in it, trailing blanks trimmed.
        var text: String
        /// The cell where the cursor stands after `count` characters of the field's text.
        func cell(after count: Int) -> Int { bracket + 1 + count }
    }

    static func cursor(_ terminal: TmuxTerminal) throws -> Cursor {
        let parts = try terminal.format("#{cursor_x} #{cursor_y} #{cursor_flag}").split(separator: " ")
        guard parts.count == 3, let x = Int(parts[0]), let y = Int(parts[1]) else {
            throw HarnessError("unreadable cursor: \(parts)")
        }
        return Cursor(x: x, y: y, shown: parts[2] == "1")
    }

    /// Waits until the cursor is `expected` (a cursor move changes no cell, so the screen cannot be waited on).
    @discardableResult
    static func waitForCursor(
        _ terminal: TmuxTerminal, _ expected: Cursor, _ why: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Cursor {
        let deadline = Date().addingTimeInterval(10)
        var last = try cursor(terminal)
        while Date() < deadline {
            last = try cursor(terminal)
            if last == expected { return last }
            usleep(10_000)
        }
        Issue.record(
            "cursor \(last), expected \(expected): \(why)\n\(try terminal.screen().joined(separator: "\n"))",
            sourceLocation: sourceLocation)
        return last
    }

    static func waitForHiddenCursor(
        _ terminal: TmuxTerminal, _ why: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if !(try cursor(terminal).shown) { return }
            usleep(10_000)
        }
        Issue.record("the cursor is still shown: \(why)", sourceLocation: sourceLocation)
    }

    /// The answer field labelled `label` on `screen`.
    static func field(_ label: String, _ screen: [String]) -> Field? {
        for (row, line) in screen.enumerated() where line.contains(" \(label) ") && line.contains("[") {
            guard let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]"),
                let bracket = displayColumn(of: "[", in: line)
            else { continue }
            var text = String(line[line.index(after: open)..<close])
            while text.last == " " { text.removeLast() }
            return Field(row: row, bracket: bracket, text: text)
        }
        return nil
    }

    /// Waits until the field labelled `label` holds `text`.
    @discardableResult
    static func waitForField(
        _ terminal: TmuxTerminal, _ label: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (Field, [String]) {
        let screen = try terminal.waitFor("\(label) = '\(text)'", sourceLocation: sourceLocation) {
            field(label, $0)?.text == text
        }
        return (try #require(field(label, screen), sourceLocation: sourceLocation), screen)
    }

    @Test func mistakesFixedWithBackspaceArrowsDeleteAndShiftTab() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal, arguments: ["quiz", "three-way-handshake", "--no-animation"])
        var screen = try terminal.waitFor("question 1 of 3")
        var flags = try #require(Self.field("flags", screen))
        #expect(flags.text.isEmpty)
        try Self.waitForCursor(
            terminal, Cursor(x: flags.cell(after: 0), y: flags.row, shown: true), "in the flags field")

        // The SYN: a slip in the flags and letters after the seq, then Enter from the ack field.
        try terminal.type("SX")
        try terminal.send("Tab")
        try terminal.type("3626544836abc")
        try terminal.send("Tab")
        try terminal.type("-")
        try terminal.send("Enter")
        screen = try terminal.waitFor("'SX' is not a flag")
        flags = try #require(Self.field("flags", screen))
        // The caret is under the flags field, at its first letter, and the message right below it.
        #expect(displayColumn(of: "^", in: screen[flags.row + 1]) == flags.cell(after: 0), "\(screen[flags.row + 1])")
        #expect(screen[flags.row + 2].contains("'SX' is not a flag"))
        // The cursor stays after what was typed, so Backspace takes the X away, not a letter in the middle.
        try Self.waitForCursor(terminal, Cursor(x: flags.cell(after: 2), y: flags.row, shown: true), "after 'SX'")
        try terminal.send("BSpace")
        (flags, screen) = try Self.waitForField(terminal, "flags", "S")
        #expect(!screen.contains { $0.contains("is not a flag") }, "editing the field clears its error")
        #expect(screen[flags.row].contains("= S (SYN)"))

        // The seq: its cursor is at the end too; three Backspaces remove 'abc'.
        try terminal.send("Tab")
        // Its own error comes back under it with the focus, and the fields below move down a row or two.
        screen = try terminal.waitFor("the seq focused with its error") {
            $0.contains { $0.contains("> seq") } && $0.contains { $0.contains("'a' cannot be read") }
        }
        var seq = try #require(Self.field("seq", screen))
        #expect(displayColumn(of: "^", in: screen[seq.row + 1]) == seq.cell(after: 10), "under the a of abc")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 13), y: seq.row, shown: true), "after 'abc'")
        try terminal.send("BSpace", "BSpace", "BSpace")
        (seq, _) = try Self.waitForField(terminal, "seq", "3626544836")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 10), y: seq.row, shown: true), "at the end")
        // Home, Delete and a digit typed at the start; Left and Right move without changing anything.
        try terminal.send("Home", "Delete")
        try Self.waitForField(terminal, "seq", "626544836")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 0), y: seq.row, shown: true), "at the start")
        try terminal.type("3")
        try Self.waitForField(terminal, "seq", "3626544836")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 1), y: seq.row, shown: true), "after the 3")
        try terminal.send("Right", "Right", "Left")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 2), y: seq.row, shown: true), "moved by arrows")
        try terminal.send("End")
        try Self.waitForCursor(terminal, Cursor(x: seq.cell(after: 10), y: seq.row, shown: true), "End")
        // Shift-Tab goes back to the flags, with the cursor where it was left there.
        try terminal.send("BTab")
        flags = try #require(Self.field("flags", try terminal.settled()))
        try Self.waitForCursor(terminal, Cursor(x: flags.cell(after: 1), y: flags.row, shown: true), "Shift-Tab")
        try terminal.send("Enter")
        screen = try terminal.waitFor("6 of 6 points")
        try Self.waitForHiddenCursor(terminal, "the feedback has no field")

        // Space to go on, and twice more as a student pressing on: nothing is typed into the next question.
        try terminal.send("Space")
        screen = try terminal.waitFor("question 2 of 3")
        try terminal.send("Space", "Space")
        flags = try #require(Self.field("flags", screen))
        try Self.waitForCursor(terminal, Cursor(x: flags.cell(after: 0), y: flags.row, shown: true), "no spaces typed")
        #expect(Self.field("flags", try terminal.settled())?.text == "")

        // The SYN-ACK as letters: a letter typed again is typed, not a toggle; 'fin ack'-style spaces go in.
        try terminal.type("SAS")
        (flags, screen) = try Self.waitForField(terminal, "flags", "SAS")
        #expect(screen[flags.row].contains("= S. (SYN+ACK)"), "\(screen[flags.row])")
        try terminal.send("BSpace", "Tab")
        try terminal.type("1739326486")
        try terminal.send("Tab")
        try terminal.type("3626544836 + 1")
        try Self.waitForField(terminal, "ack", "3626544836 + 1")
        try terminal.send("Enter")
        try terminal.waitFor("6 of 6 points")

        // Ctrl-C while the cursor is in a field: the terminal gets its cursor back.
        try terminal.send("Space")
        try terminal.waitFor("question 3 of 3")
        #expect(try Self.cursor(terminal).shown)
        try terminal.send("C-c")
        try run.expectRestored()
    }

    @Test func spaceAtALessonQuestionTypesNothing() throws {
        let terminal = try TmuxTerminal()
        let run = try TutorRun(terminal)
        var screen = try terminal.openLesson()
        #expect(!(try Self.cursor(terminal).shown), "stepping shows no cursor")
        // Space steps to the question, then is pressed three more times as if to go on.
        for _ in 0..<12 where !screen.contains(where: { $0.contains("Esc leave the quiz") }) {
            try terminal.send("Space")
            screen = try terminal.waitForChange(from: screen, "the next step")
        }
        try terminal.send("Space", "Space", "Space")
        let label = try #require(["sender", "flags"].first { Self.field($0, screen) != nil })
        let first = try #require(Self.field(label, screen))
        try Self.waitForCursor(terminal, Cursor(x: first.cell(after: 0), y: first.row, shown: true), "no spaces")
        #expect(Self.field(label, try terminal.settled())?.text == "")
        // Esc leaves the panel: the cursor goes away with the focus.
        try terminal.send("Escape")
        try terminal.waitFor("Answering paused")
        try Self.waitForHiddenCursor(terminal, "the panel without focus")
        try terminal.send("q")
        try terminal.waitFor("TCPTutor  Lessons")
        try terminal.send("q")
        try run.expectRestored()
    }
}
