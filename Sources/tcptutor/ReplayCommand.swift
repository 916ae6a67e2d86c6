import ArgumentParser
import CaptureKit
import LessonKit
import TCPCore
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
            """)

    @Argument(help: "A pcap or pcapng file, or tcpdump's text output (tcpdump -nn).")
    var file: String

    @Flag(help: "List the TCP connections: ends, packets, times, how each opened and closed.")
    var list = false

    @Option(help: "The connection to replay, from 0 (see --list); the first one when not given.")
    var stream: Int?

    @Option(help: "text (one line per segment) or json (JSON Lines).")
    var format: OutputFormat?

    @Flag(help: "Print seq and ack relative to each side's ISN, as tcpdump does by default (text only).")
    var relative = false

    @Flag(help: "Under each segment, say why it was sent, what the labels mean and each state change (text only).")
    var explain = false

    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: ArgumentHelp("Language of the explanations and the full screen.", valueName: "en|zh"))
    var lang: Language = .en

    @Flag(help: "Full screen: predict each real segment (sender, flags, seq, ack) before it is shown.")
    var quiz = false

    @Flag(help: "Lines instead of the full screen, even on a terminal: the timeline as text, or the --quiz questions.")
    var plain = false

    @Flag(help: "Do not animate segments crossing the wire (full screen).")
    var noAnimation = false

    @Flag(help: "Draw boxes and lines with ASCII characters (full screen).")
    var asciiLines = false

    func run() throws {
        let reader: CaptureReader
        do {
            reader = try CaptureReader(path: file)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
        if list { return try runList(reader) }
        let fullScreen = format == nil && !plain && isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0
        if quiz && format != nil {
            throw ValidationError("--quiz is a full-screen mode; it does not combine with --format")
        }
        let result: (replay: CaptureReplay?, listing: CaptureListing)
        do {
            result = try CaptureAnalysis.replay(reader, stream: stream ?? 0)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
        guard let replay = result.replay else {
            let count = result.listing.connections.count
            if count == 0, result.listing.format == .text {
                printError(noTcpdumpLines(result.listing))
            } else if count == 0 {
                printError("tcptutor: \(file) holds no TCP segments")
            } else {
                printError(
                    "tcptutor: \(file) has no stream \(stream ?? 0): it holds \(count) TCP connection"
                        + "\(count == 1 ? "" : "s") (0 to \(count - 1)); see --list")
            }
            throw ExitCode(1)
        }
        if result.listing.connections.count > 1, stream == nil {
            printError(
                "tcptutor: \(file) holds \(result.listing.connections.count) TCP connections; showing stream 0 "
                    + "(choose with --stream N, see --list)")
        }
        if quiz {
            // Never the printed timeline: it would give every answer away. Without a full screen, plain lines.
            let timeline = Self.quizTimeline(replay.timeline)
            if fullScreen, try showFullScreen(timeline) { return }
            return runPlainQuiz(timeline)
        }
        if fullScreen, try showFullScreen(replay.timeline) {
            return
        }
        let printer = CaptureReplayPrinter(
            replay: replay, file: file, streams: result.listing.connections.count, language: lang,
            relative: relative, explain: explain)
        let lines = format == .json ? printer.jsonLines() : printer.textLines()
        writeOut(lines)
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
        let items = QuizQuestion.quizPoints(in: timeline).map {
            QuizRunItem(title: timeline.title, timeline: timeline, question: $0)
        }
        // A capture is not part of the curriculum: nothing is written to the student's progress.
        var plain = PlainQuiz(
            session: QuizSession(items: items, language: lang, animates: false), readLine: { Swift.readLine() },
            write: { print($0) }, saveProgress: { _ in })
        plain.run()
    }

    /// The capture on the tutor's own lesson screen (with its questions, for `--quiz`). Returns false when the
    /// terminal cannot hold the screen and plain lines are to take over.
    func showFullScreen(_ timeline: Timeline) throws -> Bool {
        let name = URL(fileURLWithPath: file).lastPathComponent
        var session = TutorSession(
            lessons: [LessonEntry(fileName: name, content: .success(timeline))], language: lang,
            animates: !noAnimation)
        session.quitsFromLesson = true
        _ = session.update(.key(.enter))  // straight into the capture: the menu would hold one entry
        // A capture is not part of the curriculum: nothing is written to the student's progress.
        var tutor = CursesTutor(environment: ProcessInfo.processInfo.environment, saveProgress: { _ in })
        tutor.asciiLines = asciiLines
        return try FullScreen.run({ () throws(TerminalProblem) in try tutor.run(&session) })
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

/// Seconds with microsecond precision, for text.
func secondsText(_ time: CaptureTime, since start: CaptureTime) -> String {
    let micro = (time.nanoseconds &- start.nanoseconds + 500) / 1000
    let sign = micro < 0 ? "-" : ""
    let magnitude = micro.magnitude
    let fraction = String(magnitude % 1_000_000)
    return "\(sign)\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}

/// Seconds with microsecond precision, for JSON.
func secondsValue(_ time: CaptureTime, since start: CaptureTime) -> JSONValue {
    let micro = (time.nanoseconds &- start.nanoseconds + 500) / 1000
    return .double(Double(micro) / 1e6)
}

/// `tcptutor replay FILE --format text|json`: one line (or JSON object) per captured segment with both hosts'
/// states after it.
struct CaptureReplayPrinter {
    let replay: CaptureReplay
    let file: String
    let streams: Int
    let language: Language
    let relative: Bool
    let explain: Bool

    var timeline: Timeline { replay.timeline }

    func states(_ frame: Frame) -> String {
        "A \(frame.host(.a).state), B \(frame.host(.b).state)"
    }

    func statesObject(_ frame: Frame) -> JSONValue {
        .object([("A", .string(frame.host(.a).state.description)), ("B", .string(frame.host(.b).state.description))])
    }

    /// Why the segment was sent: the engine's rule, or the first note when the engine has none.
    func why(_ step: CaptureStep) -> String {
        if step.has(.notPredicted) || step.rule == nil, let note = step.notes.last {
            return note.text(language)
        }
        return step.rule.map { RuleText.explanation($0, language) } ?? ""
    }

    func textLines() -> [String] {
        let connection = replay.connection
        var lines: [String] = []
        lines.append(
            "\(file): stream \(connection.stream) of \(streams), A \(connection.hostA), B \(connection.hostB): "
                + "\(connection.opening.text), \(connection.closing.text)")
        lines.append(
            "ISN A \(timeline.isn[.a]!), B \(timeline.isn[.b]!) (\(relative ? "relative" : "absolute") numbers)")
        let start = timeline.frames[0]
        var first = "0.  start  → " + states(start)
        if let narration = start.narration { first += "  [\(narration.text(language))]" }
        lines.append(first)
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            let base = relative ? timeline.numberBase(from: step.from, numbering: .relative) : .absolute
            var line = "\(index + 1). \(secondsText(step.time, since: replay.captureStart)) "
            line += "\(step.from) > \(step.to): \(step.segment.notation(base: base))"
            line += "  → " + states(frame)
            var tags = step.labels.map { $0.text(language) }
            if let expected = step.expected {
                let expectedBase = relative ? base : .absolute
                tags.append((language == .en ? "expected " : "预期 ") + expected.notation(base: expectedBase))
            }
            if step.fate != .delivered { tags.append(step.fate.rawValue) }
            if !tags.isEmpty { line += "  [" + tags.joined(separator: "; ") + "]" }
            lines.append(line)
            if explain { lines.append(contentsOf: explanation(step, frame: frame)) }
        }
        return lines
    }

    func explanation(_ step: CaptureStep, frame: Frame) -> [String] {
        var lines: [String] = []
        let english = language == .en
        if let rule = step.rule {
            lines.append((english ? "    why: " : "    原因：") + RuleText.explanation(rule, language))
        }
        for note in step.notes { lines.append((english ? "    note: " : "    说明：") + note.text(language)) }
        if let handled = step.handledBecause {
            var when = ""
            if let delivered = step.deliveredAtStep, delivered + 1 != Int(frame.index) {
                when = english ? " (on arrival, at step \(delivered + 1))" : "（在第\(delivered + 1)步到达时）"
            }
            let who = english ? "    \(step.to) handles it\(when): " : "    \(step.to)的处理\(when)："
            lines.append(who + RuleText.explanation(handled, language))
        }
        for host in HostID.allCases {
            for transition in frame.transitions[host] ?? [] {
                lines.append(
                    "    \(host) \(transition.from) → \(transition.to): "
                        + RuleText.explanation(transition.because, language))
            }
            for error in frame.errors[host] ?? [] { lines.append("    \(host) \(error)") }
        }
        return lines
    }

    func segmentObject(_ segment: Segment) -> JSONValue {
        .object([
            ("flags", .string(segment.flags.tcpdump)), ("seq", .int(Int64(segment.seq.rawValue))),
            ("ack", segment.ack.map { .int(Int64($0.rawValue)) } ?? .null),
            ("len", .int(Int64(segment.payloadLength))),
        ])
    }

    func jsonLines() -> [String] {
        let connection = replay.connection
        var lines: [JSONValue] = []
        lines.append(
            .object([
                ("kind", .string("capture")), ("file", .string(file)), ("stream", .int(Int64(connection.stream))),
                ("streams", .int(Int64(streams))), ("A", .string(connection.hostA.description)),
                ("B", .string(connection.hostB.description)), ("opened", .string(connection.opening.rawValue)),
                ("closed", .string(connection.closing.key)),
                ("closedBy", connection.closing.host.map { .string($0.rawValue) } ?? .null),
                (
                    "isn",
                    .object([
                        ("A", .int(Int64(timeline.isn[.a]!.rawValue))), ("B", .int(Int64(timeline.isn[.b]!.rawValue))),
                    ])
                ),
            ]))
        let start = timeline.frames[0]
        lines.append(
            .object([
                ("kind", .string("start")), ("step", .int(0)), ("states", statesObject(start)),
                ("note", start.narration.map { .string($0.text(language)) } ?? .null),
            ]))
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            let stepNumber = JSONValue.int(Int64(index + 1))
            let segment = step.segment
            var pairs: [(String, JSONValue)] = [
                ("kind", .string("segment")), ("step", stepNumber), ("packet", .int(Int64(step.packet))),
                ("time", secondsValue(step.time, since: replay.captureStart)), ("from", .string(step.from.rawValue)),
                ("to", .string(step.to.rawValue)), ("flags", .string(segment.flags.tcpdump)),
                ("seq", .int(Int64(segment.seq.rawValue))),
                ("ack", segment.ack.map { .int(Int64($0.rawValue)) } ?? .null),
                ("len", .int(Int64(segment.payloadLength))), ("win", .int(Int64(segment.window))),
                ("event", .string(step.fate.rawValue)), ("states", statesObject(frame)), ("why", .string(why(step))),
                ("rule", step.rule.map { .string($0.rawValue) } ?? .null),
                ("note", .array(step.labels.map { .string($0.rawValue) })),
                ("details", .array(step.notes.map { .string($0.text(language)) })),
            ]
            if !step.calls.isEmpty {
                pairs.append(("call", .string(step.calls.map(\.description).joined(separator: ", "))))
            }
            if let expected = step.expected { pairs.append(("expected", segmentObject(expected))) }
            if let handled = step.handledBecause {
                pairs.append(("handled", .string(RuleText.explanation(handled, language))))
            }
            if let delivered = step.deliveredAtStep, delivered != index {
                pairs.append(("deliveredAtStep", .int(Int64(delivered + 1))))
            }
            lines.append(.object(pairs))
            for host in HostID.allCases {
                for transition in frame.transitions[host] ?? [] {
                    lines.append(
                        .object([
                            ("kind", .string("state")), ("step", stepNumber), ("host", .string(host.rawValue)),
                            ("from", .string(transition.from.description)), ("to", .string(transition.to.description)),
                            ("why", .string(RuleText.explanation(transition.because, language))),
                        ]))
                }
            }
        }
        let last = timeline.frames[timeline.frames.count - 1]
        lines.append(
            .object([
                ("kind", .string("end")), ("states", statesObject(last)),
                ("inFlight", .int(Int64(last.inFlight.count))),
            ]))
        return lines.map(\.encoded)
    }
}
