import LessonKit
import TCPCore
import TimelineKit
import TimelinePrinting
import TutorSession

/// `tcptutor export --format markdown`: a handout. The title and summary, the hosts and numbers, the sequence
/// diagram (Mermaid), the table of segments, the narration in order, and the questions with the engine's answers,
/// or with blank answer cells for a worksheet (`--hide-answers`).
public struct MarkdownHandout {
    public var export: ExportedTimeline

    public init(_ export: ExportedTimeline) {
        self.export = export
    }

    var words: ExportWords { ExportWords(export.language) }
    var printer: TimelinePrinter { TimelinePrinter(timeline: export.timeline, language: export.language) }

    /// A table cell: pipes escaped, line breaks kept as `<br>`.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", "\\|").split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        [row(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(row)
    }

    /// The whole document.
    public func document() -> String { lines().joined(separator: "\n") + "\n" }

    public func lines() -> [String] {
        var out = ["# " + export.text(export.title), ""]
        if let summary = export.summary { out += [export.text(summary), ""] }
        out += export.headerLines().map { "- " + $0 }
        out += ["", "## " + words.handout(.diagram), "", "```mermaid"] + MermaidSequence(export).lines() + ["```", ""]
        out += ["## " + words.handout(.segments), ""] + Self.table(tableHeader, segmentRows()) + [""]
        let narration = narrationLines()
        if !narration.isEmpty { out += ["## " + words.handout(.narration), ""] + narration }
        let questions = questionLines()
        if !questions.isEmpty { out += ["## " + words.handout(.questions), ""] + questions }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// The segments table's columns.
    var tableHeader: [String] {
        let named: [HandoutWord] = [.step, .from, .to, .flags]
        return named.map(words.handout) + ["seq", "ack"] + [.length, .statesAfter, .rule].map(words.handout)
    }

    /// One row per segment drawn: its step, ends, flags, numbers, data bytes, both states after it and why it was
    /// sent. On a worksheet, the cells a question asks for are blank.
    func segmentRows() -> [[String]] {
        export.frames.compactMap { frame -> [String]? in
            guard let wire = frame.wire else { return nil }
            let asked = Set(export.hiddenQuiz(frame)?.fields ?? [])
            let base = export.timeline.numberBase(from: wire.from)
            let segment = wire.segment
            func shown(_ field: QuizField, _ text: String) -> String { asked.contains(field) ? "" : text }
            var flags = shown(.flags, segment.flags.tcpdump)
            let tags = export.tags(wire, frame: frame)
            if !tags.isEmpty { flags += " (" + tags.joined(separator: ", ") + ")" }
            let states = asked.contains(.state) ? "" : FrameLines.states(frame, separator: words.listSeparator)
            return [
                "\(frame.index)", shown(.sender, "\(wire.from)"), shown(.sender, "\(wire.to)"), flags,
                shown(.seq, "\(segment.seq.offset(from: base.seqBase))"),
                shown(.ack, segment.ack.map { "\($0.offset(from: base.ackBase))" } ?? "—"),
                shown(.len, "\(segment.payloadLength)"), states, export.rule(wire, frame: frame) ?? "",
            ]
        }
    }

    /// Each step with narration, in order: what happened (as `run` prints it) and what the lesson says. On a
    /// worksheet a question's step says neither, and the steps after it only what happened.
    func narrationLines() -> [String] {
        var out: [String] = []
        // A lesson's narration after a question explains its answer, often with its numbers: a worksheet keeps
        // the steps from the first question on, and none of their words.
        var asked = false
        for frame in export.frames {
            if export.hiddenQuiz(frame) != nil {
                out += ["**\(frame.index).** ?", ""]
                asked = true
                continue
            }
            let narration = asked ? nil : frame.narration(in: export.numbering).map { export.text($0) }
            let event: Bool =
                switch frame.event {
                case .wait(0), .say, .reorder: false
                case .start, .call, .segment, .wait: true
                }
            guard narration != nil || (event && (asked || frame.wire != nil)) else { continue }
            var line = "**\(frame.index).**"
            // A step that only narrates (a `say`) has no event to print.
            if !event {
                line += " "
            } else {
                line += " `\(printer.eventText(frame.event))`" + (narration == nil ? "" : words.colon)
            }
            if let narration { line += narration.replacingAll("\n", "  \n") }
            out += [line, ""]
        }
        return out
    }

    /// Each question asked up to the last step drawn, with a table of its fields and their answers (blank on a
    /// worksheet). Every answer is the engine's segment or interval.
    func questionLines() -> [String] {
        let questions = QuizQuestion.quizPoints(in: export.timeline).filter { $0.frameIndex <= export.lastFrame }
        guard !questions.isEmpty else { return [] }
        var out = [export.hidesAnswers ? words.handout(.worksheet) : words.handout(.answerKey), ""]
        for (number, question) in questions.enumerated() {
            let point = export.timeline.frames[question.frameIndex].quiz ?? QuizPoint(fields: question.fields, line: 0)
            let wording = QuestionWording.text(
                for: point, export.language, from: question.sender, to: question.receiver)
            out.append("### " + words.question(number + 1, step: question.frameIndex))
            out.append("")
            if let setting = question.setting { out += [export.text(setting), ""] }
            out += [wording, ""]
            let rows = question.fields.map { field in
                [
                    HandoutWord.field(field).map(words.handout) ?? field.rawValue,
                    export.hidesAnswers ? "" : answer(field, question),
                ]
            }
            out += Self.table([words.handout(.field), words.handout(.answer)], rows) + [""]
        }
        return out
    }

    /// The engine's answer to one field, in the question's numbering.
    func answer(_ field: QuizField, _ question: QuizQuestion) -> String {
        switch field {
        case .sender: return "\(question.sender)"
        case .flags: return "\(question.segment.flags.tcpdump) (\(question.segment.flags.spelledOut))"
        case .seq: return "\(question.expectedTypedSeq)"
        case .ack:
            switch question.expectedTypedAck {
            case .absent: return words.handout(.noAck)
            case .number(let ack): return "\(ack)"
            }
        case .len: return "\(question.segment.payloadLength)"
        case .state: return question.receiverStateAfter.description
        case .time: return printer.durationText(question.elapsed)
        }
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
