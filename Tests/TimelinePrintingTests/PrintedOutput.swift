import CaptureKit
import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineKit
import TimelinePrinting

/// The printers' whole output for a few lessons and captures, compared with text files in `Snapshots/`: what
/// `tcptutor run` and `tcptutor replay --format` printed before the printers became a library, byte for byte.
enum PrintedOutput {
    /// Lessons whose timelines hold every kind of line: calls, quizzes, segments delivered and dropped, waits,
    /// errors, state changes, narration, relative numbers.
    static let lessons = [
        "three-way-handshake", "connection-refused", "relative-numbers", "lost-handshake-segments",
        "old-duplicate-syn", "timing-questions", "half-close",
    ]

    /// Captures with a refused connection, retransmissions, reordering, a simultaneous open, a connection seen
    /// from the middle, two connections on one port pair, duplicates and a half-close.
    static let captures = [
        "a-closes-first.pcap", "refused.pcap", "retransmission.pcap", "reordered.pcap", "simultaneous-open.pcap",
        "midstream.txt", "port-reuse.pcap", "duplicated.pcap", "half-close.pcap",
    ]

    static let captureFolder = Curriculum.root.appendingPathComponent("Tests/CaptureKitTests/Fixtures")

    /// `run LESSON --format FORMAT --lang LANGUAGE` for every lesson, each after a `== id` line.
    static func run(json: Bool, language: Language) throws -> String {
        try lessons.map { id in
            let printer = TimelinePrinter(
                timeline: LessonRunner.run(try Curriculum.lesson(id: id)).timeline, language: language)
            return section(id, json ? printer.jsonLines() : printer.textLines())
        }.joined()
    }

    /// `replay Fixtures/FILE` (stream 0) for every capture, each after a `== FILE` line.
    static func replay(
        json: Bool, language: Language = .en, relative: Bool = false, explain: Bool = false
    ) throws -> String {
        try captures.map { name in
            let printer = try printer(name, language: language, relative: relative, explain: explain)
            return section(name, json ? printer.jsonLines() : printer.textLines())
        }.joined()
    }

    /// The printer `replay` makes for the capture `name`, which it was given as `Fixtures/NAME`.
    static func printer(
        _ name: String, language: Language = .en, relative: Bool = false, explain: Bool = false
    ) throws -> CaptureReplayPrinter {
        let reader = try CaptureReader(path: captureFolder.appendingPathComponent(name).path)
        let result = try CaptureAnalysis.replay(reader, stream: 0)
        let replay = try #require(result.replay, "\(name) has no stream 0")
        var printer = CaptureReplayPrinter(
            replay: replay, file: "Fixtures/" + name, streams: result.listing.connections.count, language: language)
        printer.relative = relative
        printer.explain = explain
        return printer
    }

    static func section(_ name: String, _ lines: [String]) -> String {
        "== \(name)\n" + lines.map { $0 + "\n" }.joined()
    }

    /// Compares `actual` with `Snapshots/<name>.txt`.
    static func expectSnapshot(
        _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        try TextSnapshot.expect(
            actual, file: folder.appendingPathComponent("\(name).txt"), sourceLocation: sourceLocation)
    }
}
