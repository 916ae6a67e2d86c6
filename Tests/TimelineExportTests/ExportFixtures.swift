import CaptureKit
import Foundation
import LessonKit
import TCPTutorTestSupport
import TimelineExport
import TimelineKit

/// The lessons and the capture the golden files are made from, exported as `tcptutor export` exports them.
enum ExportFixtures {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A lesson of the package's curriculum, by file name, with its own ISNs (the seed document's numbers).
    static func lesson(_ fileName: String, language: Language = .en, relative: Bool = false) throws -> ExportedTimeline
    {
        let lesson = try LessonLibrary.load(Curriculum.root.appendingPathComponent("Lessons/\(fileName)").path)
        let run = LessonRunner.run(lesson)
        return ExportedTimeline(lesson: lesson, timeline: run.timeline, language: language, relative: relative)
    }

    /// A capture from CaptureKit's fixtures, read from the package root.
    static func capture(_ fileName: String, stream: Int = 0, language: Language = .en) throws -> ExportedTimeline {
        let path = Curriculum.root.appendingPathComponent("Tests/CaptureKitTests/Fixtures/\(fileName)").path
        let result = try CaptureAnalysis.replay(try CaptureReader(path: path), stream: stream)
        guard let replay = result.replay else { throw FixtureError("\(fileName) has no stream \(stream)") }
        return ExportedTimeline(
            capture: replay, fileName: fileName, streams: result.listing.connections.count, language: language,
            relative: false)
    }

    /// The three documents of an export.
    static func documents(_ export: ExportedTimeline) -> [(extension: String, text: String)] {
        [
            ("svg", SVGLadder(export).document()), ("mmd", MermaidSequence(export).document()),
            ("md", MarkdownHandout(export).document()),
        ]
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
