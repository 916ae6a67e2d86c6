import ArgumentParser
import LessonKit
import TCPCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `tcptutor run LESSON`: the timeline as text or JSON Lines, without the full-screen UI.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Print a lesson's timeline as text or JSON Lines.")

    @Argument(help: "A lesson file, or a lesson id or name from the lessons folder.")
    var lesson: String

    @Option(help: "text (one line per event) or json (JSON Lines).")
    var format: OutputFormat = .text

    @Option(help: "Replace the lesson's ISNs, e.g. A=100,B=300.")
    var isn: String?

    @Option(help: "Draw fresh ISNs from this seed (reproducible).")
    var seed: UInt64?

    @OptionGroup var languageOption: LanguageOption
    var lang: Language { languageOption.language ?? .en }

    @OptionGroup var lessonFolder: LessonFolderOption
    var lessons: String? { lessonFolder.path }

    func run() throws {
        let parsed = try LessonArgument.load(lesson, lessonsFolder: lessons)
        var override: [HostID: SequenceNumber] = [:]
        if let seed { override = ISNClock.seeded(seed) }
        if let isn { override.merge(try LessonArgument.parseISN(isn)) { $1 } }
        let result = LessonRunner.run(parsed, isn: override)
        let printer = TimelinePrinter(timeline: result.timeline, language: lang)
        for line in format == .text ? printer.textLines() : printer.jsonLines() { print(line) }
        if !result.diagnostics.isEmpty {
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
    }
}
