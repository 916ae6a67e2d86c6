import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// "1 in flight" belongs to the segment on its way, not to the one drawn on the wire, which has arrived: it is
/// drawn beside its sender, and not at all when the next question asks who sends.
@Suite struct InFlightNoteTests {
    /// A SYN arrives, B's SYN+ACK leaves at once, and a step only talks about the SYN (the wire shows it).
    static func lesson(quiz: String) throws -> Timeline {
        let source = """
            id: in-flight
            title: In flight
            title.zh: 在途
            summary: S
            summary.zh: 简
            hosts: A 10.0.0.1:1000, B 10.0.0.2:80
            isn: A 100, B 300
            B listen
            A connect
            A > B: S 100:100(0)
            say
              en: The SYN has arrived; B's answer is on its way.
              zh: SYN 已到达；B 的回答在途中。
            \(quiz)
            B > A: S. 300:300(0) ack 101
            """
        let lesson = try LessonParser.parse(source, file: "in-flight.lesson")
        let run = LessonRunner.run(lesson)
        #expect(run.diagnostics.isEmpty)
        return run.timeline
    }

    /// The wire's rows (labels, arrow, the note row under it) of the tutor at the `say` step, at 100x30.
    static func wireRows(_ timeline: Timeline) -> [String] {
        var session = TutorSession(
            lessons: [LessonEntry(fileName: "in-flight.lesson", content: .success(timeline))], animates: false)
        _ = session.update(.key(.enter))
        for _ in 0..<4 { _ = session.update(.key(.right)) }
        #expect(session.player?.frame.event == .say)
        let canvas = ScreenRenderer.render(session, size: Size(width: 100, height: 30))
        return (3...5).map(canvas.line)
    }

    @Test func theNoteSitsBesideItsSenderNotUnderTheArrivedSegment() throws {
        let rows = Self.wireRows(try Self.lesson(quiz: "quiz flags seq ack"))
        #expect(rows[0].contains("S 100:100(0)"), "the SYN that arrived stays on the wire")
        let note = rows[2]
        let text = try #require(note.firstRange(of: "1 in flight <──"), "\(rows)")
        // Right against B's box (22 columns wide at 100x30), far from the middle of the arrow.
        let end = note.distance(from: note.startIndex, to: text.upperBound)
        #expect(end == 100 - 22 - 1, "\(rows)")
    }

    @Test func noDirectionIsGivenWhenTheNextQuestionAsksWhoSends() throws {
        let rows = Self.wireRows(try Self.lesson(quiz: "quiz sender flags seq ack"))
        #expect(!rows.joined().contains("in flight"), "\(rows)")
    }
}
