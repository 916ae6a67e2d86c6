import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineExport
import TimelineKit

/// Every format on the handshake, the teardown, the simultaneous close and a capture with a retransmission,
/// compared byte for byte with the files in Golden/ (`SNAPSHOT_RECORD=1` rewrites them; review the diff and look
/// at the SVGs).
@Suite struct GoldenExportTests {
    static let names = ["handshake", "teardown", "simultaneous-close", "capture-retransmission", "handshake-zh"]

    static func export(_ name: String) throws -> ExportedTimeline {
        switch name {
        case "handshake": try ExportFixtures.lesson("02-three-way-handshake.lesson")
        case "teardown": try ExportFixtures.lesson("04-four-way-teardown.lesson")
        case "simultaneous-close": try ExportFixtures.lesson("14-simultaneous-close.lesson")
        case "capture-retransmission": try ExportFixtures.capture("retransmission.pcap")
        default: try ExportFixtures.lesson("02-three-way-handshake.lesson", language: .zh)
        }
    }

    @Test(arguments: names)
    func eachFormatMatchesItsGoldenFile(_ name: String) throws {
        for document in ExportFixtures.documents(try Self.export(name)) {
            try TextSnapshot.expect(
                document.text, file: ExportFixtures.golden.appendingPathComponent("\(name).\(document.extension)"),
                whole: "\(name).\(document.extension)")
        }
    }

    @Test func theSameTimelineGivesTheSameBytes() throws {
        let first = ExportFixtures.documents(try ExportFixtures.lesson("14-simultaneous-close.lesson"))
        let second = ExportFixtures.documents(try ExportFixtures.lesson("14-simultaneous-close.lesson"))
        #expect(first.map(\.text) == second.map(\.text))
    }
}
