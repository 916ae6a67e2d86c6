import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TimelineExport

/// What the SVG must hold, read from the engine's timeline rather than typed in.
@Suite struct SVGLadderTests {
    @Test func everySegmentAndStateIsTextInTheDiagram() throws {
        let export = try ExportFixtures.lesson("04-four-way-teardown.lesson")
        let svg = SVGLadder(export).document()
        for frame in export.timeline.frames {
            if let wire = frame.wire {
                let label = wire.segment.notation(base: export.timeline.numberBase(from: wire.from))
                #expect(svg.contains(">\(label)</text>"), "no label \(label)")
            }
            for host in HostID.allCases where !(frame.transitions[host] ?? []).isEmpty {
                #expect(svg.contains(">\(frame.host(host).state)</text>"))
            }
        }
    }

    @Test func fontsCoverChineseAndNothingIsFetched() throws {
        let svg = SVGLadder(try ExportFixtures.lesson("02-three-way-handshake.lesson", language: .zh)).document()
        #expect(svg.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\""))
        #expect(!svg.contains("href"))
        #expect(!svg.contains("@import"))
        #expect(svg.components(separatedBy: "http").count == 2, "only the SVG namespace may name a URL")
        #expect(svg.contains("三次握手"))
    }

    @Test func textIsEscaped() {
        #expect(SVGText.escaped("a<b & \"c\" > 'd'") == "a&lt;b &amp; &quot;c&quot; &gt; &#39;d&#39;")
        #expect(SVGText.number(0.99999) == "1")
        #expect(SVGText.number(-0.06234) == "-0.0623")
        #expect(SVGText.number(12.5) == "12.5")
    }

    @Test func aTitleWithMarkupStaysText() throws {
        var export = try ExportFixtures.lesson("02-three-way-handshake.lesson")
        export.title = LocalizedText(en: "SYN <then> SYN-ACK & ACK", zh: "")
        let svg = SVGLadder(export).document()
        #expect(svg.contains("SYN &lt;then&gt; SYN-ACK &amp; ACK"))
        #expect(!svg.contains("<then>"))
    }

    @Test func aLostSegmentEndsInACrossAndARetransmissionIsMarked() throws {
        let export = try ExportFixtures.lesson("24-lost-handshake-segments.lesson")
        let svg = SVGLadder(export).document()
        let wires = export.timeline.frames.compactMap(\.wire)
        let lost = wires.filter { $0.fate == .dropped }.count
        let retransmitted = wires.filter { $0.sentBecause == .retransmissionTimeout }.count
        #expect(lost > 0 && retransmitted > 0)
        // Two strokes per cross.
        #expect(svg.components(separatedBy: "stroke=\"\(SVGLadder.lostColor)\"").count - 1 == 2 * lost)
        #expect(svg.components(separatedBy: ">retransmission</tspan>").count - 1 == retransmitted)
        #expect(svg.components(separatedBy: "stroke=\"\(SVGLadder.retransmissionColor)\"").count - 1 == retransmitted)
    }

    @Test func rulesGoUnderTheArrowsOnlyWhenAsked() throws {
        let export = try ExportFixtures.lesson("02-three-way-handshake.lesson")
        let rule = try #require(export.timeline.frames.compactMap(\.wire).first?.sentBecause)
        let section = "RFC 9293 \(rule.section)"
        #expect(!SVGLadder(export).document().contains("class=\"rule halo\""))
        let withRules = SVGLadder(export, showsRules: true).document()
        #expect(withRules.contains("class=\"rule halo\""))
        #expect(withRules.contains(section))
    }

    @Test func uptoDrawsNothingAfterItsStep() throws {
        var export = try ExportFixtures.lesson("04-four-way-teardown.lesson")
        let segmentFrames = export.timeline.frames.filter { $0.wire != nil }
        let cut = segmentFrames[segmentFrames.count / 2].index
        export.lastFrame = cut
        let svg = SVGLadder(export).document()
        let mermaid = MermaidSequence(export).document()
        for frame in segmentFrames {
            let wire = try #require(frame.wire)
            let label = wire.segment.notation(base: export.timeline.numberBase(from: wire.from))
            #expect(svg.contains(">\(label)</text>") == (frame.index <= cut), "step \(frame.index)")
            #expect(mermaid.contains(": \(label)") == (frame.index <= cut), "step \(frame.index)")
        }
        #expect(svg.contains("Steps 0 to \(cut) of \(export.timeline.frames.count - 1)"))
    }
}
