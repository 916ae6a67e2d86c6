import ArgumentParser
import CommandOptions
import LessonKit
import TCPCore
import TimelineKit
import TimelinePrinting

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

    @Option(help: "text: one line per event; json: JSON Lines.")
    var format: OutputFormat = .text

    @OptionGroup var isnOption: ISNOption

    @OptionGroup(title: "Fresh ISNs") var freshNumbers: FreshNumbersOptions

    @OptionGroup var languageOption: LanguageOption
    var lang: Language { languageOption.language ?? .en }

    @OptionGroup var lessonFolder: LessonFolderOption

    func run() throws {
        let parsed = try lessonFolder.lesson(lesson)
        let sources = try isnOption.sources(for: parsed, seed: freshNumbers.drawingSeed())
        let result = LessonRunner.run(parsed, sources: sources)
        let printer = TimelinePrinter(timeline: result.timeline, language: lang)
        for line in format == .text ? printer.textLines() : printer.jsonLines() { print(line) }
        if !result.diagnostics.isEmpty {
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
    }
}
