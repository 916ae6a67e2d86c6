import ArgumentParser
import CaptureKit
import CommandOptions
import LessonKit
import TCPCore
import TimelineExport
import TimelineKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case svg
    case mermaid
    case markdown
}

/// `tcptutor export LESSON|CAPTURE`: what the tutor computes, for slides, exam papers and notes.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export a lesson or a capture as an SVG ladder diagram, a Mermaid sequence diagram or a Markdown handout.",
        discussion: """
            A file that exists and does not end in .lesson is read as a capture (pcap, pcapng or tcpdump text); \
            anything else names a lesson. Steps are numbered as `tcptutor run` numbers them.
            """)

    @Argument(help: "A lesson file, id or name, or a capture file (pcap, pcapng or tcpdump text).")
    var source: String

    @Option(help: "svg: a ladder diagram; mermaid: a sequenceDiagram; markdown: a handout with the questions.")
    var format: ExportFormat = .svg

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var languageOption: LanguageOption
    var lang: Language { languageOption.language ?? .en }

    @OptionGroup var isnOption: ISNOption

    @OptionGroup(title: "Fresh ISNs") var freshNumbers: FreshNumbersOptions

    @OptionGroup var capture: CaptureStreamOptions

    @Option(help: ArgumentHelp("Draw only up to this step, for \"what comes next?\" questions.", valueName: "step"))
    var upto: Int?

    @Flag(help: "A worksheet: leave blank what the questions ask (answer cells, asked fields, their narration).")
    var hideAnswers = false

    @Flag(help: "SVG: write each segment's rule, with its RFC 9293 section, under its arrow.")
    var rules = false

    @OptionGroup var lessonFolder: LessonFolderOption

    /// A capture is a file that is not a lesson file; a lesson may also be named by its id.
    var isCapture: Bool { FileManager.default.fileExists(atPath: source) && !source.hasSuffix(".lesson") }

    func run() throws {
        let captureEndings = [".pcap", ".pcapng", ".cap", ".txt"]
        if !FileManager.default.fileExists(atPath: source), captureEndings.contains(where: source.hasSuffix) {
            throw CommandFailure("cannot read \(source): there is no such file")
        }
        var export = try isCapture ? captureExport() : lessonExport()
        let count = export.timeline.frames.count
        if let upto {
            guard (0..<count).contains(upto) else {
                throw CommandFailure("--upto \(upto) is not a step of \(source): its steps are 0 to \(count - 1)")
            }
            export.lastFrame = upto
        }
        export.hidesAnswers = hideAnswers
        let document: String =
            switch format {
            case .svg: SVGLadder(export, showsRules: rules).document()
            case .mermaid: MermaidSequence(export).document()
            case .markdown: MarkdownHandout(export).document()
            }
        if let output {
            try OutputFile.save(document, to: output)
        } else {
            print(document, terminator: "")
        }
    }

    func lessonExport() throws -> ExportedTimeline {
        if let stream = capture.stream {
            throw ValidationError("--stream \(stream) chooses a connection in a capture; \(source) is a lesson")
        }
        let lesson = try lessonFolder.lesson(source)
        let sources = try isnOption.sources(for: lesson, seed: freshNumbers.drawingSeed())
        let result = LessonRunner.run(lesson, sources: sources)
        if !result.diagnostics.isEmpty {
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            throw ExitCode(1)
        }
        return ExportedTimeline(lesson: lesson, timeline: result.timeline, language: lang, relative: capture.relative)
    }

    func captureExport() throws -> ExportedTimeline {
        if isnOption.isn != nil || freshNumbers.seed != nil || freshNumbers.fresh {
            throw ValidationError(
                "a capture's numbers are the ones captured: --isn, --seed and --fresh are for lessons")
        }
        let result: (replay: CaptureReplay?, listing: CaptureListing)
        do {
            result = try CaptureAnalysis.replay(try CaptureReader(path: source), stream: capture.stream ?? 0)
        } catch {
            throw CommandFailure("\(error)")
        }
        let count = result.listing.connections.count
        guard let replay = result.replay else {
            if count == 0 { throw CommandFailure("\(source) holds no TCP segments") }
            throw CommandFailure(
                "\(source) has no stream \(capture.stream ?? 0): it holds \(count) TCP connection\(count == 1 ? "" : "s") "
                    + "(0 to \(count - 1)); see tcptutor replay --list \(source)")
        }
        let name = URL(fileURLWithPath: source).lastPathComponent
        return ExportedTimeline(
            capture: replay, fileName: name, streams: count, language: lang, relative: capture.relative)
    }
}
