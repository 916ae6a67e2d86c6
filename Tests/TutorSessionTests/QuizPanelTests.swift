import LessonKit
import TCPCore
import Testing

@testable import TutorSession

/// The quiz input panel on its own: focus, editing, flags typed as text, Enter, parse errors, hints.
@Suite("Quiz input panel")
struct QuizPanelTests {
    /// The panel of the handshake's quiz point (the SYN-ACK: sender, flags, seq, ack).
    static func panel(allowsHints: Bool = true) throws -> QuizPanel {
        let timeline = BuiltInLessons.handshake
        let frame = try #require(timeline.frames.first { $0.quiz != nil })
        let quiz = try #require(frame.quiz)
        let question = try #require(
            QuizQuestion(timeline: timeline, frameIndex: frame.index, fields: quiz.fields, line: quiz.line))
        return QuizPanel(question: question, allowsHints: allowsHints)
    }

    static func type(_ text: String, into panel: inout QuizPanel) {
        for character in text { _ = panel.handle(.character(character)) }
    }

    @Test("letters go into the focused field, never to commands; Tab and arrows move between fields")
    func focusAndTyping() throws {
        var panel = try Self.panel()
        #expect(panel.fields == [.sender, .flags, .seq, .ack])
        #expect(panel.focusedField == .sender)
        // q, h, l, t, r and g are command keys elsewhere; here they are text.
        Self.type("qhltrg", into: &panel)
        #expect(panel.input(.sender)?.text == "qhltrg")
        #expect(panel.handle(.character("\t")) == .edited)
        #expect(panel.focusedField == .flags)
        #expect(panel.handle(.down) == .edited)
        #expect(panel.focusedField == .seq)
        #expect(panel.handle(.up) == .edited)
        #expect(panel.handle(.up) == .edited)
        #expect(panel.focusedField == .sender)
        #expect(panel.handle(.up) == .edited)
        #expect(panel.focusedField == .ack, "Up from the first field wraps to the last")
    }

    @Test("editing: cursor left and right, Home, End, backspace in the middle")
    func editing() throws {
        var panel = try Self.panel()
        panel.focus(on: .seq)
        Self.type("173932648", into: &panel)
        #expect(panel.handle(.left) == .edited)
        #expect(panel.handle(.left) == .edited)
        #expect(panel.handle(.backspace) == .edited)  // removes the '6' before the cursor
        #expect(panel.input(.seq)?.text == "17393248")
        Self.type("6", into: &panel)
        #expect(panel.input(.seq)?.text == "173932648")
        #expect(panel.handle(.end) == .edited)
        Self.type("6", into: &panel)
        #expect(panel.input(.seq)?.text == "1739326486")
        #expect(panel.handle(.right) == .refused, "the cursor is at the end already")
        #expect(panel.handle(.home) == .edited)
        #expect(panel.handle(.backspace) == .refused, "nothing before the cursor")
        #expect(panel.input(.seq)?.cursor == 0)
    }

    @Test("flags are typed as text: a letter typed again stays, every spelling shows the same preview")
    func flagsAreTyped() throws {
        var panel = try Self.panel()
        panel.focus(on: .flags)
        Self.type("SA", into: &panel)
        #expect(panel.flagsPreview == [.syn, .ack])
        // Typing S again used to take SYN away without a word: now it is typed, and still means SYN.
        Self.type("S", into: &panel)
        #expect(panel.input(.flags)?.text == "SAS")
        #expect(panel.flagsPreview == [.syn, .ack])
        panel.setText("S.", for: .flags)
        Self.type("A", into: &panel)
        #expect(panel.input(.flags)?.text == "S.A")
        #expect(panel.flagsPreview == [.syn, .ack])
        for spelling in ["SYN,ACK", "syn+ack", "S.", "SA", "SYN ACK", "syn/ack", "A,S", "SYN-ACK"] {
            panel.setText("", for: .flags)
            Self.type(spelling, into: &panel)
            #expect(panel.input(.flags)?.text == spelling)
            #expect(panel.flagsPreview == [.syn, .ack], "\(spelling)")
        }
        panel.setText("", for: .flags)
        Self.type("ack", into: &panel)
        #expect(panel.flagsPreview == .ack)
    }

    @Test("Enter moves to the next empty field, then submits; SA is read as SYN+ACK")
    func enterAndSubmit() throws {
        var panel = try Self.panel()
        Self.type("B", into: &panel)
        #expect(panel.handle(.enter) == .edited)
        #expect(panel.focusedField == .flags)
        Self.type("SA", into: &panel)
        #expect(panel.handle(.enter) == .edited)
        Self.type("1739326486", into: &panel)
        #expect(panel.handle(.enter) == .edited)
        #expect(panel.focusedField == .ack)
        Self.type("3626544836+1", into: &panel)
        guard case .submitted(let answer, let typed) = panel.handle(.enter) else {
            Issue.record("Enter with every field filled should submit")
            return
        }
        #expect(typed[.flags] == "SA", "the record keeps what was typed")
        #expect(typed[.ack] == "3626544836+1")
        #expect(answer == QuizAnswer(sender: .b, flags: [.syn, .ack], seq: 1_739_326_486, ack: .number(3_626_544_837)))
        let feedback = panel.grade(answer)
        #expect(feedback.isAllCorrect)
        #expect(feedback.score.points == feedback.score.possible)
    }

    @Test("a parse error stays in its field with the column; the cursor stays where the student typed")
    func parseErrors() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.setText("S.", for: .flags)
        panel.setText("17393x6486", for: .seq)
        panel.setText("1", for: .ack)
        panel.focus(on: .sender)
        #expect(panel.handle(.enter) == .rejected)
        let error = try #require(panel.errors[.seq])
        #expect(error.column == 5)
        #expect(panel.focusedField == .seq, "the focus goes to the field that cannot be read")
        #expect(panel.input(.seq)?.cursor == 10, "the cursor stays at the end of what was typed, not on the 'x'")
        #expect(panel.input(.seq)?.text == "17393x6486")
        #expect(panel.input(.sender)?.text == "B")
        // Moving to the bad character and deleting it clears the error; the rest is still there.
        for _ in 0..<4 { #expect(panel.handle(.left) == .edited) }
        #expect(panel.handle(.backspace) == .edited)
        #expect(panel.errors[.seq] == nil)
        #expect(panel.input(.seq)?.text == "173936486")
    }

    @Test("after an error Backspace removes what was typed last: 3573217307abc becomes 3573217307")
    func backspaceAfterAnError() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.setText("S", for: .flags)
        panel.setText("-", for: .ack)
        panel.focus(on: .seq)
        Self.type("3573217307abc", into: &panel)
        #expect(panel.handle(.enter) == .rejected)
        #expect(panel.errors[.seq]?.column == 10)
        #expect(panel.focusedField == .seq)
        #expect(panel.input(.seq)?.cursor == 13)
        for _ in 0..<3 { #expect(panel.handle(.backspace) == .edited) }
        #expect(panel.input(.seq)?.text == "3573217307")
        guard case .submitted(let answer, _) = panel.handle(.enter) else {
            Issue.record("the fixed answer should submit")
            return
        }
        #expect(answer.seq == 3_573_217_307)
    }

    @Test("after 'is not a flag' the letter typed next goes after what was typed: F,X then fixed to F,A")
    func fixingFlagsAfterAnError() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.focus(on: .flags)
        Self.type("F,X", into: &panel)
        panel.setText("1", for: .seq)
        panel.setText("2", for: .ack)
        #expect(panel.handle(.enter) == .rejected)
        #expect(panel.errors[.flags]?.column == 2)
        #expect(panel.focusedField == .flags)
        #expect(panel.handle(.backspace) == .edited)
        Self.type("A", into: &panel)
        #expect(panel.input(.flags)?.text == "F,A")
        guard case .submitted(let answer, _) = panel.handle(.enter) else {
            Issue.record("F,A should be read")
            return
        }
        #expect(answer.flags == [.fin, .ack])
    }

    @Test("an error in another field takes the focus there only when the field being typed is fine")
    func errorsElsewhere() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.setText("F,X", for: .flags)
        panel.setText("12y", for: .seq)
        panel.setText("1", for: .ack)
        panel.focus(on: .seq)
        #expect(panel.handle(.enter) == .rejected)
        #expect(panel.focusedField == .seq, "the field being typed is wrong too: the focus stays")
        panel.setText("12", for: .seq)
        #expect(panel.handle(.enter) == .rejected)
        #expect(panel.focusedField == .flags)
        #expect(panel.input(.flags)?.cursor == 3, "its cursor is where it was left")
    }

    @Test("Shift-Tab goes to the previous field, from the first to the last")
    func shiftTab() throws {
        var panel = try Self.panel()
        panel.focus(on: .flags)
        #expect(panel.handle(.backTab) == .edited)
        #expect(panel.focusedField == .sender)
        #expect(panel.handle(.backTab) == .edited)
        #expect(panel.focusedField == .ack)
        #expect(panel.handle(.character("\t")) == .edited)
        #expect(panel.focusedField == .sender)
    }

    @Test("Delete removes the character under the cursor; at the end it does nothing")
    func delete() throws {
        var panel = try Self.panel()
        panel.focus(on: .seq)
        Self.type("1739x326486", into: &panel)
        #expect(panel.handle(.delete) == .refused, "nothing under the cursor at the end")
        #expect(panel.handle(.home) == .edited)
        for _ in 0..<4 { _ = panel.handle(.right) }
        #expect(panel.handle(.delete) == .edited)
        #expect(panel.input(.seq)?.text == "1739326486")
        #expect(panel.input(.seq)?.cursor == 4)
        panel.setText("1x", for: .seq)
        panel.setText("B", for: .sender)
        panel.setText("S", for: .flags)
        panel.setText("-", for: .ack)
        panel.focus(on: .seq)
        #expect(panel.handle(.enter) == .rejected)
        #expect(panel.handle(.left) == .edited)
        #expect(panel.handle(.delete) == .edited)
        #expect(panel.errors[.seq] == nil, "editing clears the field's error")
    }

    @Test("Space types a space only between words: never at the start or next to another space")
    func space() throws {
        var panel = try Self.panel()
        panel.focus(on: .flags)
        // The space bar pressed to go on while the panel is up.
        for _ in 0..<3 { #expect(panel.handle(.space) == .refused) }
        #expect(panel.input(.flags)?.text == "")
        Self.type("fin", into: &panel)
        #expect(panel.handle(.space) == .edited)
        #expect(panel.handle(.space) == .refused, "two spaces in a row")
        Self.type("ack", into: &panel)
        #expect(panel.input(.flags)?.text == "fin ack")
        #expect(panel.flagsPreview == [.fin, .ack])
        _ = panel.handle(.home)
        #expect(panel.handle(.space) == .refused, "a leading space")
        for _ in 0..<3 { _ = panel.handle(.right) }
        #expect(panel.handle(.space) == .refused, "next to the space already there")
        panel.focus(on: .seq)
        Self.type("3626544836 + 1", into: &panel)
        #expect(panel.input(.seq)?.text == "3626544836 + 1")
    }

    @Test("Enter on the only empty field says what it wants")
    func emptyField() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.setText("S.", for: .flags)
        panel.setText("1", for: .seq)
        panel.focus(on: .ack)
        #expect(panel.handle(.enter) == .rejected)
        let error = try #require(panel.errors[.ack])
        #expect(error.message.en.contains("- if the segment has no ACK flag"), "the way to say 'no ack' is named")
        #expect(error.message.zh.contains("-"))
    }

    @Test("a blank ack is 'no ack' once the flags say no ACK; with ACK in the flags it is still wanted")
    func blankAckAfterFlagsWithoutAck() throws {
        var panel = try Self.panel()
        panel.setText("B", for: .sender)
        panel.setText("S", for: .flags)
        panel.setText("1739326486", for: .seq)
        panel.focus(on: .ack)
        guard case .submitted(let answer, let typed) = panel.handle(.enter) else {
            Issue.record("the flags say no ACK, so Enter on the blank ack should submit")
            return
        }
        #expect(answer.ack == .absent)
        #expect(typed[.ack] == "-", "the record shows what was graded")
        // Graded as "no ack" on a segment that carries one: the ack field is wrong, not missing.
        let ack = try #require(panel.grade(answer).feedback(for: .ack))
        #expect(!ack.isCorrect)
        #expect(ack.given == AckAnswer.absentWord.en, "the blank ack was graded as no ack number")
        #expect(ack.mistake == .ackNumberMissing)

        panel.setText("SA", for: .flags)
        panel.focus(on: .ack)
        #expect(panel.handle(.enter) == .rejected, "with ACK among the flags an ack number is wanted")
        let error = try #require(panel.errors[.ack])
        #expect(error.field == .ack && error.input.isEmpty && error.column == 0, "\(error)")
        #expect(error.message.en.contains("- if the segment has no ACK flag"), "\(error.message.en)")
    }

    @Test("hints: level 1, again level 2, then no more; they cost points; none in an exam")
    func hints() throws {
        var panel = try Self.panel()
        #expect(panel.hintLines.isEmpty)
        var taken = panel.takeHint()
        #expect(taken)
        #expect(panel.hint == .rule)
        let ruleLines = panel.hintLines
        #expect(!ruleLines.isEmpty && ruleLines.allSatisfy { $0.en.contains("RFC 9293") })
        taken = panel.takeHint()
        #expect(taken)
        #expect(panel.hint == .arithmetic)
        #expect(panel.hintLines.count > ruleLines.count)
        taken = panel.takeHint()
        #expect(!taken, "no third level")
        let right = QuizAnswer(sender: .b, flags: [.syn, .ack], seq: 1_739_326_486, ack: .number(3_626_544_837))
        let score = panel.grade(right).score
        #expect(score.points == score.possible - ScoringModel.standard.hintCost(.arithmetic))
        var exam = try Self.panel(allowsHints: false)
        taken = exam.takeHint()
        #expect(!taken)
        #expect(exam.hint == nil)
    }

    @Test("in a field ? is the screen's help, and the letters that are keys elsewhere are typed")
    func questionMarkIsHelpAndLettersAreText() throws {
        var panel = try Self.panel()
        #expect(panel.handle(.character("?")) == .help)
        #expect(panel.hint == nil, "? takes no hint")
        #expect(panel.input(panel.focusedField)?.text == "", "? is not typed")
        for letter in "hqlgtrbaiHQ" { #expect(panel.handle(.character(letter)) == .edited) }
        #expect(panel.input(panel.focusedField)?.text == "hqlgtrbaiHQ")
        #expect(panel.hint == nil)
    }

    @Test("Esc leaves the panel without losing the answer")
    func escape() throws {
        var panel = try Self.panel()
        Self.type("A", into: &panel)
        #expect(panel.handle(.escape) == .leave)
        #expect(panel.input(.sender)?.text == "A")
    }

    @Test("relative numbering: the prompt says so, without naming the sender when the sender is asked")
    func numberingPrompt() throws {
        var panel = try Self.panel()
        #expect(panel.numberingPrompt(.seq)?.en.contains("absolute") == true)
        #expect(panel.numberingPrompt(.flags) == nil)
        panel.question.numbering = QuizNumbering(numbering: .relative, isn: panel.question.numbering.isn)
        let prompt = try #require(panel.numberingPrompt(.seq))
        #expect(prompt.en.contains("relative") && prompt.en.contains("sender's ISN"))
        #expect(!prompt.en.contains("B's"))
    }
}
