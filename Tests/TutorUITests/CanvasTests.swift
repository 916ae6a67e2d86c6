import Testing

@testable import TutorUI

/// Cells, widths and wrapping: the ground every screen stands on.
@Suite struct CanvasTests {
    @Test func widthsFollowWcwidth() {
        #expect(TextWidth.of("SYN_RECEIVED") == 12)
        #expect(TextWidth.of("三次握手") == 8)
        #expect(TextWidth.of("，。（）") == 8)
        #expect(TextWidth.of("e\u{301}") == 1, "a combining accent takes no cell")
        #expect(TextWidth.of("§·—") == 3, "ambiguous characters count one")
        #expect(TextWidth.of("한글") == 4)
    }

    @Test func wideCharactersTakeTwoCellsAndNeverHalfOne() {
        var canvas = Canvas(width: 6, height: 1)
        let end = canvas.write("A三次", x: 0, y: 0)
        #expect(end == 5)
        #expect(canvas[1, 0].text == "三")
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas.line(0) == "A三次")
        // One cell left: the wide character is replaced by a space, not cut in half.
        canvas.write("握", x: 5, y: 0)
        #expect(canvas[5, 0].text == " ")
        // Overwriting half of a wide character blanks its other half.
        canvas.write("x", x: 2, y: 0)
        #expect(canvas.line(0) == "A x次")
        canvas.write("y", x: 3, y: 0)
        #expect(canvas.line(0) == "A xy")
    }

    @Test func onlyChangedCellsAreReported() {
        var before = Canvas(width: 10, height: 2)
        before.write("hello", x: 0, y: 0)
        var after = before
        after.write("help!", x: 0, y: 0)
        let changed = after.changedCells(since: before)
        #expect(changed.map(\.x) == [3, 4])
        #expect(after.changedCells(since: nil).count == 20)
        #expect(after.changedCells(since: Canvas(width: 5, height: 2)).count == 20)
    }

    @Test func englishWrapsAtSpaces() {
        let lines = TextWrap.lines("A bare ACK occupies no sequence number at all", width: 16)
        #expect(lines == ["A bare ACK", "occupies no", "sequence number", "at all"])
        #expect(lines.allSatisfy { TextWidth.of($0) <= 16 })
    }

    @Test func chineseWrapsByDisplayWidthAndKeepsPunctuationOffTheLineStart() {
        let text = "主机B被动打开，进入LISTEN状态，等待连接。"
        let lines = TextWrap.lines(text, width: 10)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 10 })
        #expect(lines.allSatisfy { !($0.first.map { "，。".contains($0) } ?? false) })
    }

    @Test func aLatinWordBeforeClosingPunctuationMovesDownWhole() {
        // "。" does not fit after "SYN+ACK" on the first line; the word goes down with it, never as "SYN+AC" / "K。".
        let lines = TextWrap.lines("第二个报文是SYN+ACK。", width: 19)
        #expect(lines == ["第二个报文是", "SYN+ACK。"])
        // A wide character still moves alone.
        #expect(TextWrap.lines("主机进入监听状态。", width: 16) == ["主机进入监听状", "态。"])
    }

    @Test func aWordLongerThanTheLineIsBroken() {
        #expect(TextWrap.lines("3626544836:3626544836", width: 8) == ["36265448", "36:36265", "44836"])
    }
}
