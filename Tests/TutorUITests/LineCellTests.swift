import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// Lines and boxes are a typed piece of the cell, never a character that happens to look like one: the
/// terminal draws `Cell.line` with its line-drawing set and everything else as the text it is.
@Suite struct LineCellTests {
    @Test func aBoxIsMadeOfLinePiecesAndTypedBarsStayText() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(Rect(x: 0, y: 0, width: 12, height: 3))
        canvas.write("a│b─c┌", x: 1, y: 1)
        #expect(canvas[0, 0].line == .topLeft && canvas[11, 2].line == .bottomRight)
        #expect(canvas[5, 0].line == .horizontal && canvas[0, 1].line == .vertical)
        #expect(canvas[2, 1].text == "│" && canvas[2, 1].line == nil)
        #expect(canvas[4, 1].text == "─" && canvas[4, 1].line == nil)
        #expect(canvas[6, 1].text == "┌" && canvas[6, 1].line == nil)
        #expect(canvas.line(1) == "│a│b─c┌    │", "a snapshot still shows lines as box characters")
    }

    @Test func aBarInANarrationIsDrawnAsText() throws {
        var timeline = BuiltInLessons.handshake
        let narration = "A │ B: the pipe here is text, ─ and ┘ too."
        timeline.frames[1].narration = LocalizedText(en: narration, zh: narration)
        timeline.frames[1].narrationByNumbering = [:]
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "handshake", content: .success(timeline))], animates: false)
        _ = session.update(.key(.enter))
        for _ in 0..<10 where session.player?.stop.frameIndex != 1 { _ = session.update(.key(.right)) }
        #expect(session.player?.stop.frameIndex == 1)
        let canvas = ScreenRenderer.render(session, size: Size(width: 100, height: 30))
        let row = try #require((0..<canvas.height).first { canvas.line($0).contains("the pipe here is text") })
        let typed = (0..<canvas.width).filter { canvas[$0, row].text == "│" && canvas[$0, row].line == nil }
        #expect(typed.count == 1, "only the typed bar is text: \(canvas.line(row))")
        #expect((0..<canvas.width).contains { canvas[$0, row].text == "─" && canvas[$0, row].line == nil })
    }
}
