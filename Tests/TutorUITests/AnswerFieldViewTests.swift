import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// The answer panel as drawn: where the terminal cursor goes, where the error caret goes, and the format
/// hints, which must never spell an answer.
@Suite struct AnswerFieldViewTests {
    static let size = Size(width: 80, height: 24)

    /// The handshake's quiz point (sender, flags, seq, ack) in the lesson screen, after `keys`.
    static func session(_ keys: [Key], language: Language = .en) -> TutorSession {
        HandshakeQuestion.session(keys, language: language)
    }

    static func keys(_ text: String) -> [Key] { HandshakeQuestion.keys(text) }

    /// The row of the field labelled `label` and the cell column of its opening bracket.
    static func field(_ label: String, on canvas: Canvas) -> (row: Int, bracket: Int)? {
        for row in 0..<canvas.height where canvas.line(row).contains(" \(label) ") {
            if let bracket = column(of: "[", row: row, on: canvas) { return (row, bracket) }
        }
        return nil
    }

    /// The cell column of the first `text` on `row`.
    static func column(of text: String, row: Int, on canvas: Canvas) -> Int? {
        (0..<canvas.width).first { canvas[$0, row].text == text }
    }

    @Test("the cursor stands where the focused field types next, and moves with the arrows")
    func cursorInTheFocusedField() throws {
        let typed = ScreenRenderer.render(Self.session(Self.keys("B\tSYN")), size: Self.size)
        let flags = try #require(Self.field("flags", on: typed))
        #expect(typed.cursor == CellPosition(x: flags.bracket + 1 + 3, y: flags.row))
        let moved = ScreenRenderer.render(Self.session(Self.keys("B\tSYN") + [.left, .left]), size: Self.size)
        #expect(moved.cursor == CellPosition(x: flags.bracket + 2, y: flags.row))
        let back = ScreenRenderer.render(Self.session(Self.keys("B\tSYN") + [.backTab]), size: Self.size)
        let sender = try #require(Self.field("sender", on: back))
        #expect(back.cursor == CellPosition(x: sender.bracket + 2, y: sender.row), "after the B of the sender")
    }

    @Test("a Chinese character in a field takes two cells, and the cursor counts them")
    func cursorAfterAWideCharacter() throws {
        let canvas = ScreenRenderer.render(Self.session(Self.keys("B\tS\t1\t无")), size: Self.size)
        let ack = try #require(Self.field("ack", on: canvas))
        #expect(canvas.cursor == CellPosition(x: ack.bracket + 3, y: ack.row))
    }

    @Test("no cursor when no field has focus: panel left with Esc, feedback, help, plain stepping")
    func noCursorWithoutFocus() throws {
        #expect(ScreenRenderer.render(Self.session([.escape]), size: Self.size).cursor == nil)
        let answered = Self.session(Self.keys("B\tS.\t1739326486\t3626544837\n"))
        #expect(answered.visibleFeedback?.feedback.isAllCorrect == true)
        #expect(ScreenRenderer.render(answered, size: Self.size).cursor == nil)
        #expect(ScreenRenderer.render(Self.session([.escape, .character("?")]), size: Self.size).cursor == nil)
        var stepping = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(BuiltInLessons.handshake))],
            language: .en, animates: false)
        _ = stepping.update(.key(.enter))
        #expect(ScreenRenderer.render(stepping, size: Self.size).cursor == nil)
    }

    @Test("the caret goes under the field that cannot be read, at the bad character", arguments: Language.allCases)
    func caretUnderTheWrongField(language: Language) throws {
        // The flags are wrong, the ack is the last field: the caret used to be drawn under the ack.
        let canvas = ScreenRenderer.render(
            Self.session(Self.keys("B\tS,X\t1739326486\t3626544837\n"), language: language), size: Self.size)
        let strings = Strings(language)
        let flags = try #require(Self.field(strings.fieldName(.flags), on: canvas))
        #expect(
            Self.column(of: "^", row: flags.row + 1, on: canvas) == flags.bracket + 1 + 2,
            "under the X of 'S,X'\n\(canvas.text)")
        #expect(canvas.line(flags.row + 2).contains("X"), "the message follows the caret")
        // The cursor stays at the end of what was typed.
        #expect(canvas.cursor == CellPosition(x: flags.bracket + 1 + 3, y: flags.row))
    }

    @Test("a caret after a Chinese character is counted in cells")
    func caretAfterAWideCharacter() throws {
        // A full-width digit, as a Chinese input method types it, is read as 1 and drawn two cells wide.
        let canvas = ScreenRenderer.render(Self.session(Self.keys("B\tS\t１x\t-\n")), size: Self.size)
        let seq = try #require(Self.field("seq", on: canvas))
        #expect(Self.column(of: "^", row: seq.row + 1, on: canvas) == seq.bracket + 1 + 2, "\(canvas.text)")
    }

    @Test("a box filled over the cursor hides it")
    func fillHidesTheCursor() {
        var canvas = Canvas(width: 20, height: 5)
        canvas.cursor = CellPosition(x: 3, y: 2)
        canvas.fill(Rect(x: 10, y: 0, width: 5, height: 5))
        #expect(canvas.cursor == CellPosition(x: 3, y: 2))
        canvas.fill(Rect(x: 2, y: 1, width: 5, height: 2))
        #expect(canvas.cursor == nil)
    }

    /// Maximal runs of words that read as flags in `text`: what a student copying any stretch of it would get.
    static func flagRuns(in text: String) -> [TCPFlags] {
        var runs: [TCPFlags] = []
        var current: TCPFlags = []
        let words = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == ".")) })
        for word in words {
            if let flags = try? AnswerParser.flags(String(word)), !flags.isEmpty {
                current.formUnion(flags)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Every text that tells a student how to type flags.
    static func flagHints(_ language: Language) throws -> [String] {
        let strings = Strings(language)
        let panel = try #require(Self.session([]).panel)
        var hints = [strings.flagsNote, PlainQuestionText.prompt(.flags, panel: panel, strings: strings)]
        for wrong in ["", "X"] {
            do {
                _ = try AnswerParser.flags(wrong)
                Issue.record("'\(wrong)' should not be read as flags")
            } catch {
                hints.append(error.message.text(language))
            }
        }
        return hints
    }

    @Test("no flags hint spells a combination that answers a question", arguments: Language.allCases)
    func flagHintsGiveNothingAway(language: Language) throws {
        var answers: Set<UInt8> = []
        for timeline in try CurriculumScreenTests.timelines() {
            for item in QuizRunItem.items([timeline], everySegment: true) {
                let flags = item.question.expected.segment.flags
                if flags.rawValue.nonzeroBitCount >= 2 { answers.insert(flags.rawValue) }
            }
        }
        #expect(
            answers.contains(TCPFlags([.syn, .ack]).rawValue) && answers.contains(TCPFlags([.fin, .ack]).rawValue))
        for hint in try Self.flagHints(language) {
            for run in Self.flagRuns(in: hint) {
                #expect(!answers.contains(run.rawValue), "'\(hint)' spells \(run.tcpdump)")
            }
        }
        // The check itself catches the old wording.
        #expect(Self.flagRuns(in: "type the flags, e.g. S. or SYN,ACK").contains([.syn, .ack]))
    }

    @Test("no number hint holds a number: any number could be an answer somewhere", arguments: Language.allCases)
    func numberHintsHoldNoNumber(language: Language) throws {
        let strings = Strings(language)
        var hints = [strings.numberNote, strings.ackNote]
        for (text, field) in [("", QuizField.seq), ("x", .seq), ("", .len)] {
            do {
                _ = try AnswerParser.number(text, field: field)
            } catch {
                hints.append(error.message.text(language))
            }
        }
        #expect(hints.count == 5)
        for hint in hints {
            // Decimal digits in any width; 一 in 一个数字 ("a number") is a numeral but no number to type.
            #expect(!hint.unicodeScalars.contains { $0.properties.numericType == .decimal }, "'\(hint)'")
        }
    }

    @Test("the state field's note names no state", arguments: Language.allCases)
    func stateNoteNamesNoState(language: Language) {
        let note = Strings(language).stateNote
        let words = note.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-")) })
        #expect(words.allSatisfy { ConnectionState(spelling: String($0)) == nil }, "'\(note)'")
        #expect(ConnectionState(spelling: "ESTABLISHED") == .established, "the check reads state names")
    }
}
