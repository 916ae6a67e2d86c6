import Foundation
import TutorSession

/// What the exam log tests share: the exam's settings and the log's lines read and rewritten as text.
public enum ExamLogFixtures {
    public static let parameters = ExamParameters(lessons: ["handshake", "close"], questionCount: 5, minutes: 30)

    /// Rewrites a log from records, chaining each to the one before: what a student editing the file with
    /// the format in hand could do. Grading must still not trust it further than the answers.
    public static func rechain(_ records: [ExamLogRecord]) throws -> Data {
        var data = Data()
        var previous = ExamLogRecord.genesis
        for (index, original) in records.enumerated() {
            var record = original
            record.index = index
            record.prev = previous
            let (line, hash) = try ExamLogCodec.line(for: record)
            data.append(contentsOf: line)
            previous = hash
        }
        return data
    }

    /// The lines of a log file.
    public static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Edits one line of a log file in place, as a student with a text editor would: the hash chain is not redone.
    public static func edit(_ url: URL, line index: Int, replacing old: String, with new: String) throws {
        var lines = try lines(url)
        lines[index] = lines[index].replacingOccurrences(of: old, with: new)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
