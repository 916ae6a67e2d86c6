import Foundation
import TCPTutorTestSupport
import Testing
import TutorUI

/// Compares a canvas with the text file `Snapshots/<name>.txt` next to this file (`SNAPSHOT_RECORD=1` writes it).
func expectSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    // A frame of '|' at the right edge keeps trailing cells visible and makes the width part of the snapshot.
    let actual =
        (0..<canvas.height).map { row in
            var line = ""
            for x in 0..<canvas.width { line += canvas[x, row].text }
            return line + "|"
        }.joined(separator: "\n") + "\n"
    try TextSnapshot.expect(
        actual, file: folder.appendingPathComponent("\(name).txt"), whole: "Whole screen",
        sourceLocation: sourceLocation)
}
