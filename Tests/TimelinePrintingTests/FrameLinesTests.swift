import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TimelinePrinting

/// What both printers print the same way, read back from their JSON Lines against the engine's frames.
@Suite("Printers: states and state changes")
struct FrameLinesTests {
    static func objects(_ lines: [String]) throws -> [[String: Any]] {
        try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test("every lesson: one state object per engine transition, and each states object is the frame's")
    func lessonStateChanges() throws {
        for timeline in Curriculum.timelines {
            let objects = try Self.objects(TimelinePrinter(timeline: timeline, language: .en).jsonLines())
            let changes = objects.filter { $0["kind"] as? String == "state" }
            let expected = timeline.frames.flatMap { frame in
                HostID.allCases.flatMap { host in
                    (frame.transitions[host] ?? []).map { "\(frame.index) \(host) \($0.from)>\($0.to)" }
                }
            }
            let printed = changes.map {
                "\($0["step"] as? Int ?? -1) \($0["host"] as? String ?? "?") \($0["from"] as? String ?? "?")>\($0["to"] as? String ?? "?")"
            }
            #expect(printed == expected, "\(timeline.lessonID)")
            for object in objects where object["states"] != nil {
                let step = try #require(object["step"] as? Int, "\(object)")
                let frame = timeline.frames[step]
                #expect(
                    object["states"] as? [String: String]
                        == ["A": frame.host(.a).state.description, "B": frame.host(.b).state.description],
                    "\(timeline.lessonID) step \(step)")
            }
        }
    }

    @Test("a capture: the end object holds the last frame's states and what is still in flight")
    func captureEnd() throws {
        for name in PrintedOutput.captures {
            let printer = try PrintedOutput.printer(name)
            let end = try #require(try Self.objects(printer.jsonLines()).last)
            let last = try #require(printer.replay.timeline.frames.last)
            #expect(end["kind"] as? String == "end")
            #expect(end["inFlight"] as? Int == last.inFlight.count, "\(name)")
            #expect(
                end["states"] as? [String: String]
                    == ["A": last.host(.a).state.description, "B": last.host(.b).state.description], "\(name)")
        }
    }

    @Test("the text: each step's line ends with the states the engine left, with a Chinese comma in Chinese")
    func statesText() throws {
        let timeline = try Curriculum.timeline("three-way-handshake")
        for (language, comma) in [(Language.en, ", "), (.zh, "，")] {
            let lines = TimelinePrinter(timeline: timeline, language: language).textLines()
            for frame in timeline.frames {
                let states = "  → A \(frame.host(.a).state)\(comma)B \(frame.host(.b).state)"
                let line = try #require(lines.first { $0.hasPrefix("\(frame.index).") }, "step \(frame.index)")
                #expect(line.hasSuffix(states), "\(line)")
            }
        }
    }
}
