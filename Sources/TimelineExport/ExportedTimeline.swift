import CaptureKit
import LessonKit
import TCPCore
import TimelineKit
import TimelinePrinting

/// What `tcptutor export` draws: a lesson's or a capture's timeline, in one language and numbering, up to a step,
/// with or without the answers to its questions. Every number in an export is read from here, that is from the
/// engine's frames.
public struct ExportedTimeline {
    public var timeline: Timeline
    /// The title printed above the diagram (a capture's names the file and the stream, as `replay` does).
    public var title: LocalizedText
    /// The lesson's summary, or what a capture's connection did.
    public var summary: LocalizedText?
    /// The capture behind the timeline, for its labels (retransmission, out of order…) and reasons.
    public var capture: CaptureReplay?
    public var language: Language
    /// The numbering labels are printed in: the lesson's own unless `--relative` asks for relative numbers.
    public var numbering: Numbering
    /// The last frame drawn (`--upto`); the whole timeline when it is the last one.
    public var lastFrame: Int
    /// A worksheet: the fields a question asks are left blank wherever they would show (`--hide-answers`).
    public var hidesAnswers = false

    public init(
        timeline: Timeline, title: LocalizedText, summary: LocalizedText?, capture: CaptureReplay? = nil,
        language: Language, numbering: Numbering? = nil, lastFrame: Int? = nil
    ) {
        self.timeline = timeline
        self.title = title
        self.summary = summary
        self.capture = capture
        self.language = language
        self.numbering = numbering ?? timeline.numbering
        // Every printer and question reads the numbering from the timeline: relative numbers are then everywhere.
        self.timeline.numbering = self.numbering
        self.lastFrame = min(lastFrame ?? timeline.frames.count - 1, timeline.frames.count - 1)
    }

    /// A lesson run on the engine.
    public init(lesson: Lesson, timeline: Timeline, language: Language, relative: Bool) {
        self.init(
            timeline: timeline, title: lesson.title, summary: lesson.summary, language: language,
            numbering: relative ? .relative : nil)
    }

    /// A capture's connection: titled as `replay` titles it on the full screen.
    public init(capture: CaptureReplay, fileName: String, streams: Int, language: Language, relative: Bool) {
        let connection = capture.connection
        let ends = "\(connection.hostA) → \(connection.hostB)"
        self.init(
            timeline: capture.timeline,
            title: LocalizedText(
                en: "Capture \(fileName), stream \(connection.stream) of \(streams): \(ends)",
                zh: "抓包 \(fileName)，连接 \(connection.stream)（共 \(streams) 个）：\(ends)"),
            summary: LocalizedText(
                en: "\(connection.opening.text), \(connection.closing.text)",
                zh: "\(connection.opening.text), \(connection.closing.text)"),
            capture: capture, language: language, numbering: relative ? .relative : .absolute)
    }

    /// The lines under the title: the hosts, the ISNs and the numbering, as `run` and `replay` print them, and
    /// where the picture stops when it stops early.
    func headerLines() -> [String] {
        var lines: [String]
        if let capture {
            let printer = CaptureReplayPrinter(replay: capture, file: "", streams: 1, language: language)
            let words = ExportWords(language)
            lines = [
                "A \(capture.connection.hostA)  B \(capture.connection.hostB)",
                "ISN " + printer.isnText(.a) + ", " + printer.isnText(.b) + " (" + words.shared.numbering(numbering)
                    + ")",
            ]
        } else {
            lines = [TimelinePrinter(timeline: timeline, language: language).headerLine()]
        }
        if lastFrame < timeline.frames.count - 1 {
            lines.append(ExportWords(language).upto(lastFrame, of: timeline.frames.count))
        }
        return lines
    }

    /// The frames drawn, in order.
    public var frames: ArraySlice<Frame> { timeline.frames[...lastFrame] }

    /// `text` in the export's language.
    func text(_ text: LocalizedText) -> String { text.text(language) }

    /// The quiz point asked on `frame`, when answers are hidden: what must not be shown there.
    func hiddenQuiz(_ frame: Frame) -> QuizPoint? {
        hidesAnswers ? frame.quiz : nil
    }

    /// The segment's label as the screen's ladder prints it, in the export's numbering; "?" on a worksheet where
    /// the question asks for the segment's fields.
    func label(_ wire: WireEvent, frame: Frame) -> String {
        if let quiz = hiddenQuiz(frame), !Set(quiz.fields).isDisjoint(with: [.flags, .seq, .ack, .len]) {
            return "?"
        }
        return wire.segment.notation(base: timeline.numberBase(from: wire.from, numbering: numbering))
    }

    /// The capture step a frame shows (frame 0 is the start).
    func captureStep(_ frame: Frame) -> CaptureStep? {
        guard let capture, frame.index > 0, frame.index <= capture.steps.count else { return nil }
        return capture.steps[frame.index - 1]
    }

    /// Whether the segment sends sequence numbers again: the engine's retransmission timeout or fast retransmit in a
    /// lesson (RFC 9293 §3.8.1, RFC 5681 §3.2), the inference's label in a capture.
    func isRetransmission(_ wire: WireEvent, frame: Frame) -> Bool {
        if let step = captureStep(frame) { return step.has(.retransmission) }
        return [.retransmissionTimeout, .fastRetransmit].contains(wire.sentBecause)
    }

    /// The words after a segment's label: its fate and what it is (a capture's labels, as `replay` prints them).
    func tags(_ wire: WireEvent, frame: Frame) -> [String] {
        let words = ExportWords(language)
        var tags: [String] = []
        if let step = captureStep(frame) {
            tags += step.labels.map { $0.text(language) }
        } else {
            if isRetransmission(wire, frame: frame) { tags.append(words.retransmission) }
            if wire.sentBecause == .fromOutside { tags.append(words.fromOutside) }
        }
        switch wire.fate {
        case .delivered: break
        case .dropped: tags.append(words.shared.lost)
        case .duplicated: tags.append(words.shared.duplicated)
        case .inFlight: tags.append(words.shared.onItsWay)
        }
        return tags
    }

    /// Why the segment was sent, with its RFC 9293 section; nil on a worksheet's question.
    func rule(_ wire: WireEvent, frame: Frame) -> String? {
        if hiddenQuiz(frame) != nil { return nil }
        if let step = captureStep(frame), let capture {
            return CaptureReplayPrinter(replay: capture, file: "", streams: 1, language: language).why(step)
        }
        return RuleText.explanation(wire.sentBecause, language)
    }

    /// Why the segment was sent, for print under its arrow: the rule's sentence and, apart, its RFC 9293 section
    /// (kept whole on one line); nil on a worksheet's question.
    func ruleParts(_ wire: WireEvent, frame: Frame) -> (sentence: String, section: String?)? {
        if hiddenQuiz(frame) != nil { return nil }
        if captureStep(frame) != nil { return rule(wire, frame: frame).map { ($0, nil) } }
        return (RuleText.summary(wire.sentBecause, language), "RFC 9293 \(wire.sentBecause.section)")
    }

    /// The states a host went to in `frame`, hidden where a worksheet asks for the receiver's new state.
    func stateChange(_ frame: Frame, _ host: HostID) -> ConnectionState? {
        guard !(frame.transitions[host] ?? []).isEmpty else { return nil }
        if let quiz = hiddenQuiz(frame), quiz.fields.contains(.state) { return nil }
        return frame.host(host).state
    }
}
