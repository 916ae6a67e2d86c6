import LessonKit
import Testing
import TimelineKit

/// Both printers, line for line as `run` and `replay --format` print them.
@Suite("Printers: the whole output, byte for byte")
struct PrinterSnapshotTests {
    @Test("a lesson's timeline as text and as JSON Lines, in English and Chinese", arguments: [false, true])
    func lessons(json: Bool) throws {
        for language in [Language.en, .zh] {
            try PrintedOutput.expectSnapshot(
                try PrintedOutput.run(json: json, language: language),
                named: "run-\(json ? "json" : "text")-\(language.rawValue)")
        }
    }

    @Test("a capture's replay as text: plain, explained, explained in Chinese with relative numbers")
    func capturesAsText() throws {
        try PrintedOutput.expectSnapshot(try PrintedOutput.replay(json: false), named: "replay-text-en")
        try PrintedOutput.expectSnapshot(
            try PrintedOutput.replay(json: false, explain: true), named: "replay-explain-en")
        try PrintedOutput.expectSnapshot(
            try PrintedOutput.replay(json: false, language: .zh, relative: true, explain: true),
            named: "replay-explain-relative-zh")
    }

    @Test("a capture's replay as JSON Lines, in English and Chinese")
    func capturesAsJSON() throws {
        try PrintedOutput.expectSnapshot(try PrintedOutput.replay(json: true), named: "replay-json-en")
        try PrintedOutput.expectSnapshot(try PrintedOutput.replay(json: true, language: .zh), named: "replay-json-zh")
    }
}
