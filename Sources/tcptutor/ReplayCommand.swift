import ArgumentParser
import CaptureKit
import LessonKit
import TCPCore
import TimelineKit
import TimelinePrinting
import TutorCurses
import TutorSession
import TutorUI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tcptutor replay FILE`: a real capture (pcap, pcapng or tcpdump text) shown like a lesson, with each host's
/// state inferred by running the engine alongside it.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a capture (pcap, pcapng or tcpdump text) with both hosts' TCP states inferred.",
        discussion: """
            Connections are numbered from 0 in order of their first packet (as Wireshark's tcp.stream). \
            Host A is the side that sent the first SYN, otherwise the first sender.

            On a terminal the capture is shown on the full screen; --format, --plain or no terminal print it \
            as lines instead (with --quiz, the questions in numbered lines: the timeline is never printed).
            """)

    @Argument(help: "A pcap or pcapng file, or tcpdump's text output (tcpdump -nn).")
    var file: String

    @Flag(help: "List the TCP connections: ends, packets, times, how each opened and closed.")
    var list = false

    @OptionGroup var streamOptions: CaptureStreamOptions
    var stream: Int? { streamOptions.stream }
    var relative: Bool { streamOptions.relative }

    @Option(help: "text: one line per segment; json: JSON Lines.")
    var format: OutputFormat?

    @Flag(help: "Under each segment, say why it was sent, what the labels mean and each state change (text only).")
    var explain = false

    @OptionGroup var languageOption: LanguageOption
    var lang: Language { languageOption.language ?? .en }

    @Flag(help: "Full screen: predict each real segment (sender, flags, seq, ack) before it is shown.")
    var quiz = false

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var animation: AnimationOption

    @Flag(help: "Write the connection as a lesson to edit: calls, asserted segments, narration, quiz points.")
    var toLesson = false

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("With --to-lesson: the lesson file to write (default: standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        if quiz && format != nil {
            throw ValidationError("--quiz is a full-screen mode; it does not combine with --format")
        }
        try validateLessonOptions()
    }

    func run() throws {
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: file)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
        if list { return try runList(reader) }
        if toLesson { return try writeLesson(reader) }
        let fullScreen = format == nil && !screen.plain && isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0
        let result = try analyse(reader)
        guard let replay = result.replay else {
            printError(noStream(result.listing))
            throw ExitCode(1)
        }
        let streams = result.listing.connections.count
        // On the full screen the choice of stream is said in the opening narration; printed before it, the
        // line would only be seen once the screen has closed.
        if quiz {
            // Never the printed timeline: it would give every answer away. Without a full screen, plain lines.
            let timeline = Self.quizTimeline(replay.quizNarratedTimeline)
            if fullScreen, try showFullScreen(screenTimeline(timeline, replay, streams: streams)) { return }
            printStreamChoice(streams)
            return runPlainQuiz(timeline)
        }
        if fullScreen, try showFullScreen(screenTimeline(replay.timeline, replay, streams: streams)) {
            return
        }
        printStreamChoice(streams)
        var printer = CaptureReplayPrinter(replay: replay, file: file, streams: streams, language: lang)
        printer.relative = relative
        printer.explain = explain
        let lines = format == .json ? printer.jsonLines() : printer.textLines()
        writeOut(lines)
    }

    /// Which connection is shown when the file holds several and none was chosen.
    func streamChoice(_ streams: Int) -> LocalizedText? {
        guard streams > 1, stream == nil else { return nil }
        return LocalizedText(
            en: "\(file) holds \(streams) TCP connections; showing stream 0 (choose with --stream N, see --list)",
            zh: "\(file) 中有 \(streams) 个 TCP 连接；显示第 0 个（用 --stream N 选择，见 --list）")
    }

    func printStreamChoice(_ streams: Int) {
        if let choice = streamChoice(streams) { printError("tcptutor: " + choice.en) }
    }

    /// The timeline for the full screen: its title names the file and the stream, and its opening narration
    /// says which stream is shown when the file holds several.
    func screenTimeline(_ capture: Timeline, _ replay: CaptureReplay, streams: Int) -> Timeline {
        var timeline = capture
        let name = URL(fileURLWithPath: file).lastPathComponent
        let connection = replay.connection
        let ends = "\(connection.hostA) → \(connection.hostB)"
        timeline.title = LocalizedText(
            en: "Capture \(name), stream \(connection.stream) of \(streams): \(ends)",
            zh: "抓包 \(name)，连接 \(connection.stream)（共 \(streams) 个）：\(ends)")
        if let choice = streamChoice(streams), !timeline.frames.isEmpty {
            let start = timeline.frames[0].narration
            timeline.frames[0].narration = LocalizedText(
                en: ([choice.en + "."] + [start?.en].compactMap { $0 }).joined(separator: "\n"),
                zh: ([choice.zh + "。"] + [start?.zh].compactMap { $0 }).joined(separator: "\n"))
        }
        return timeline
    }

    /// The capture's timeline with every segment a question: sender, flags, seq and ack. A host's first SYN
    /// carries an ISN nobody could predict: there, only the rest is asked.
    static func quizTimeline(_ capture: Timeline) -> Timeline {
        var timeline = capture
        var synSeen: Set<HostID> = []
        for index in timeline.frames.indices {
            guard let wire = timeline.frames[index].wire else { continue }
            var fields: [QuizField] = [.sender, .flags, .seq, .ack]
            if wire.segment.has(.syn), synSeen.insert(wire.from).inserted { fields.removeAll { $0 == .seq } }
            timeline.frames[index].quiz = QuizPoint(fields: fields, line: 0)
        }
        return timeline
    }

    /// The capture quiz as numbered lines (`--plain`, no terminal, or one that cannot hold a full screen).
    func runPlainQuiz(_ timeline: Timeline) {
        let items = QuizRunItem.items([timeline], everySegment: false)
        // A capture is not part of the curriculum: nothing is written to the student's progress.
        var plain = PlainQuiz(session: QuizSession(items: items, language: lang, animates: false))
        plain.run(.standard(saveProgress: { _ in }))
    }

    /// The capture on the tutor's own lesson screen (with its questions, for `--quiz`). Returns false when the
    /// terminal cannot hold the screen and plain lines are to take over.
    func showFullScreen(_ timeline: Timeline) throws -> Bool {
        let name = URL(fileURLWithPath: file).lastPathComponent
        var session = TutorSession(
            lessons: [LessonEntry(fileName: name, content: .success(timeline))], language: lang,
            animates: !animation.noAnimation)
        session.quitsFromLesson = true
        _ = session.update(.key(.enter))  // straight into the capture: the menu would hold one entry
        // A capture is not part of the curriculum: nothing is written to the student's progress.
        var runtime = TerminalRuntime(environment: ProcessInfo.processInfo.environment)
        runtime.asciiLines = screen.asciiLines
        let shown = try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) })
        // The score stays after the screen has closed, however the quiz was left: the same lines as --plain.
        if shown, quiz { SessionQuizScore.plainLines(session).forEach { print($0) } }
        return shown
    }

    func runList(_ reader: CaptureReader) throws {
        let listing: CaptureListing
        do {
            listing = try CaptureAnalysis.list(reader)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
        if format == .json {
            ListingFormatter.json(listing) { writeOut($0) }
        } else {
            ListingFormatter.text(listing, file: file) { writeOut($0) }
        }
        // A pcap without TCP is an honest empty list; a text file without one tcpdump line is the wrong file.
        if listing.connections.isEmpty, listing.format == .text {
            printError(noTcpdumpLines(listing))
            throw ExitCode(1)
        }
    }

    /// The chosen connection replayed, with the list of all; a capture that cannot be read is said and fails.
    func analyse(_ reader: CaptureReader) throws -> (replay: CaptureReplay?, listing: CaptureListing) {
        do {
            return try CaptureAnalysis.replay(reader, stream: stream ?? 0)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
    }

    /// Why the chosen stream cannot be replayed: the file holds no TCP, or not that many connections.
    func noStream(_ listing: CaptureListing) -> String {
        let count = listing.connections.count
        if count == 0, listing.format == .text { return noTcpdumpLines(listing) }
        if count == 0 { return "tcptutor: \(file) holds no TCP segments" }
        return "tcptutor: \(file) has no stream \(stream ?? 0): it holds \(count) TCP connection"
            + "\(count == 1 ? "" : "s") (0 to \(count - 1)); see --list"
    }

    /// Why a text file gave nothing to replay.
    func noTcpdumpLines(_ listing: CaptureListing) -> String {
        "tcptutor: \(file) holds no TCP segments: read as text, none of its \(listing.records) "
            + "lines looks like tcpdump's output for a TCP packet (tcpdump -nn)"
    }

    /// Writes all lines at once.
    func writeOut(_ lines: [String]) {
        writeOut(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes bytes to standard output as they are, however large.
    func writeOut(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }  // a closed pipe: nobody is reading any more
                offset += written
            }
        }
    }
}
