import Foundation
import Testing
import TutorUI

/// Compares a canvas with the text file `Snapshots/<name>.txt` next to this file.
///
/// Run with `SNAPSHOT_RECORD=1` to write the files after a deliberate change to the screen; review the diff.
func expectSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    // A frame of '|' at the right edge keeps trailing cells visible and makes the width part of the snapshot.
    let actual =
        (0..<canvas.height).map { row in
            var line = ""
            for x in 0..<canvas.width { line += canvas[x, row].text }
            return line + "|"
        }.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            "No snapshot \(file.path); run with SNAPSHOT_RECORD=1 to create it.", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            """
            Snapshot \(name) differs from line \(firstDifference + 1):
            expected: \(firstDifference < expectedLines.count ? expectedLines[firstDifference] : "<end>")
            actual:   \(firstDifference < actualLines.count ? actualLines[firstDifference] : "<end>")
            Whole screen:
            \(actual)
            """, sourceLocation: sourceLocation)
    }
}
