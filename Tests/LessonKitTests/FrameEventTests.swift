import LessonKit
import TCPCore
import Testing
import TimelineKit

/// A frame says what its step did: a `say` or a `reorder` is not time passing, and a frame knows the lesson line
/// it comes from.
@Suite("Frames record say and reorder as themselves, with their lesson line")
struct FrameEventTests {
    static func run(_ steps: String) throws -> LessonRun {
        LessonRunner.run(try LessonParser.parse(header + steps, file: "x.lesson"))
    }

    @Test("say is FrameEvent.say and reorder is FrameEvent.reorder, not a wait of 0 ms")
    func sayAndReorder() throws {
        // A's SYN and its retransmission a second later are both on their way when the reorder swaps them.
        let run = try Self.run(
            """
            B listen
            A connect
            wait 1s
            say
              en: Two SYNs from A are on their way.
              zh: A的两个SYN在途中。
            reorder A > B
              en: The retransmission overtakes the first SYN.
              zh: 重传的SYN超过了第一个。
            A > B: S 100:100(0)
            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.description))")
        let events = run.timeline.frames.map(\.event)
        #expect(events[3] == .wait(milliseconds: 1000))
        #expect(events[4] == .say)
        #expect(events[5] == .reorder(.a))
        // Reordering sends nothing and changes no host: only the wire's order, which the next delivery shows.
        let (said, reordered) = (run.timeline.frames[4], run.timeline.frames[5])
        #expect(reordered.hosts == said.hosts && reordered.time == said.time && reordered.emitted.isEmpty)
        #expect(said.inFlight.map(\.sentAt) == [0, 1000])
        #expect(reordered.inFlight.map(\.sentAt) == [1000, 0])
        #expect(run.timeline.frames[6].wire?.sentAt == 1000)
    }

    @Test("a delivery with nothing in flight keeps its frame, narration only, and is reported")
    func nothingInFlight() throws {
        let run = try Self.run(
            """
            B listen
            A > B: S 100:100(0)
              en: Nothing was sent.
              zh: 什么也没有发。
            """)
        #expect(run.diagnostics.count == 1)
        #expect(run.timeline.frames.last?.event == .say)
        #expect(run.timeline.frames.last?.narration?.en == "Nothing was sent.")
    }

    @Test("each frame's origin is the line of its step in the lesson file, 0 for the start")
    func origins() throws {
        let run = try Self.run(
            """
            B listen
            A connect
            say
              en: A's SYN is on its way.
              zh: A的SYN在途中。
            A > B: S 100:100(0)
            """)
        let lines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(run.timeline.frames.map(\.origin) == [0, 1, 2, 3, 6].map { .lessonLine($0 == 0 ? 0 : lines + $0) })
        #expect(run.timeline.frames.allSatisfy { $0.origin.lessonLine == $0.origin.number })
    }
}
