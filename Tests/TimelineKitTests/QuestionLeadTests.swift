import TCPCore
import Testing
import TimelineKit

/// Where a question on a segment is asked: before the sender's calls that make it, after the steps that only
/// narrate or reorder the wire (TEACHING.md rule 12).
@Suite("The question lead passes over say and reorder")
struct QuestionLeadTests {
    static func frame(_ index: Int, _ event: FrameEvent) -> Frame {
        Frame(
            index: index, origin: .lessonLine(10 + index), time: 0, event: event,
            hosts: PerHost(repeating: HostSnapshot(state: .established, tcb: nil)), transitions: [:], emitted: [],
            inFlight: [], narration: nil, quiz: nil)
    }

    static func wire(_ from: HostID, _ flags: TCPFlags) -> FrameEvent {
        .segment(
            WireEvent(
                from: from, to: from.peer, segment: Segment(flags: flags, seq: SequenceNumber(1)), fate: .delivered,
                sentBecause: .sendData, handledBecause: nil))
    }

    @Test("a say and a reorder after the last segment stay before the question; the sender's close does not")
    func sayAndReorderStayBefore() {
        let events: [FrameEvent] = [
            .start, Self.wire(.b, .ack), .say, .reorder(.a), .call(.a, .close), Self.wire(.a, [.fin, .ack]),
        ]
        let timeline = Timeline(
            lessonID: "lead", title: LocalizedText(en: "Lead", zh: "引导"),
            hosts: PerHost(
                a: HostAddress(address: "10.0.0.1", port: 1000), b: HostAddress(address: "10.0.0.2", port: 80)),
            isn: PerHost(repeating: SequenceNumber(0)), numbering: .absolute,
            frames: events.enumerated().map { Self.frame($0.offset, $0.element) })
        #expect(timeline.questionLeadStart(before: 5) == 4)
    }
}
