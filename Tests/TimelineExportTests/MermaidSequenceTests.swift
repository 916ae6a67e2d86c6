import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TimelineExport

/// The Mermaid diagram: its arrows say what became of each segment, its notes are the engine's states, and
/// nothing in a text can end a line or start an entity.
@Suite struct MermaidSequenceTests {
    @Test func charactersMermaidReadsAreWrittenAsEntities() {
        #expect(MermaidSequence.escaped("a;b #1 <x>\ny") == "a#59;b #35;1 #lt;x#gt; y")
    }

    @Test func lostSegmentsEndInACrossAndSegmentsFromOutsideAreDotted() throws {
        for file in ["24-lost-handshake-segments.lesson", "28-old-duplicate-syn.lesson"] {
            let export = try ExportFixtures.lesson(file)
            let lines = MermaidSequence(export).lines()
            let wires = export.timeline.frames.compactMap(\.wire)
            let crosses = lines.filter { $0.contains("-x") }.count
            let dotted = lines.filter { $0.contains("-->>") || $0.contains("--x") }.count
            #expect(crosses == wires.filter { $0.fate == .dropped }.count, "\(file)")
            #expect(dotted == wires.filter { $0.sentBecause == .fromOutside }.count, "\(file)")
        }
    }

    @Test func aNoteForEveryStateChange() throws {
        let export = try ExportFixtures.lesson("14-simultaneous-close.lesson")
        let notes = MermaidSequence(export).lines().filter {
            $0.contains("Note left of A:") || $0.contains("Note right of B:")
        }
        let states = export.timeline.frames.flatMap { frame in
            HostID.allCases.filter { !(frame.transitions[$0] ?? []).isEmpty }.map { "\(frame.host($0).state)" }
        }
        let names = Set(ConnectionState.allCases.map(\.description))
        let noted = notes.compactMap { $0.split(separator: ": ").last.map(String.init) }.filter(names.contains)
        #expect(noted == states)
    }
}
