import Foundation
import Testing

/// Text compared with a file kept beside the tests: a screen, or a command's whole output.
///
/// Run with `SNAPSHOT_RECORD=1` to write the files after a deliberate change; review the diff.
public enum TextSnapshot {
    /// Records an issue naming the first line where `actual` and the file differ, followed by all of `actual`
    /// under the heading `whole` when one is given.
    public static func expect(
        _ actual: String, file: URL, whole: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let name = file.deletingPathExtension().lastPathComponent
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "No snapshot \(file.path); run with SNAPSHOT_RECORD=1 to create it.", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        var message = """
            Snapshot \(name) differs from line \(first + 1):
            expected: \(first < expectedLines.count ? expectedLines[first] : "<end>")
            actual:   \(first < actualLines.count ? actualLines[first] : "<end>")
            """
        if let whole { message += "\n\(whole):\n\(actual)" }
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
