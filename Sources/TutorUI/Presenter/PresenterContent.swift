import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorSession

/// One piece of the presenter's text panel: a paragraph, or a row of short parts kept whole when wrapped.
struct PanelBlock {
    enum Body {
        case paragraph(String)
        /// Parts shown side by side with wide gaps; a line breaks only between parts.
        case row([String])
    }

    var body: Body
    var ink: Ink

    static func paragraph(_ text: String, _ ink: Ink) -> PanelBlock { PanelBlock(body: .paragraph(text), ink: ink) }
    static func row(_ parts: [String], _ ink: Ink) -> PanelBlock { PanelBlock(body: .row(parts), ink: ink) }

    /// Gap between the parts of a row.
    static let partGap = "    "

    /// The block's lines at `width` cells.
    func lines(width: Int) -> [String] {
        switch body {
        case .paragraph(let text):
            return TextWrap.lines(text, width: width)
        case .row(let parts):
            var lines: [String] = []
            var line = ""
            for part in parts {
                let joined = line.isEmpty ? part : line + Self.partGap + part
                if TextWidth.of(joined) <= width || line.isEmpty {
                    line = joined
                } else {
                    lines.append(line)
                    line = part
                }
            }
            if !line.isEmpty { lines.append(line) }
            return lines.flatMap { TextWidth.of($0) > width ? TextWrap.lines($0, width: width) : [$0] }
        }
    }

    /// The text in one line, for the plain mode.
    var flatText: String {
        switch body {
        case .paragraph(let text): text
        case .row(let parts): parts.joined(separator: "   ")
        }
    }
}

/// What the presenter says at the current stop, shared by the full screen and the plain lines: the quiz
/// question with its numbering, the revealed answer with its rule, or the step's narration.
struct PresenterContent {
    var session: PresenterSession
    var strings: PresenterStrings

    var player: LessonPlayer { session.player }
    var timeline: Timeline { session.timeline }

    /// The label of a segment in the lesson's numbering, as the wire and the tutor print it.
    func label(_ event: WireEvent) -> String {
        event.segment.notation(base: timeline.numberBase(from: event.from))
    }

    /// The text blocks for the current stop, most important first.
    var blocks: [PanelBlock] { blocks(withLadder: false) }

    /// The blocks beside a ladder of the segments so far, which already shows the last segment.
    func blocks(withLadder: Bool) -> [PanelBlock] {
        switch session.quizStage {
        case .asked(let point): questionBlocks(point, namingLastSegment: !withLadder)
        case .revealed(let point): answerBlocks(point) + narrationBlocks
        case nil: narrationBlocks
        }
    }

    private func questionBlocks(_ point: QuizPoint, namingLastSegment: Bool) -> [PanelBlock] {
        var blocks: [PanelBlock] = [.paragraph(strings.questionHeading, .question)]
        // Unless the class is asked who sends, it is told: the numbers depend on the direction.
        if !point.fields.contains(.sender), let wire = player.frame.wire {
            blocks.append(.paragraph(strings.direction(wire.from, wire.to), .strong))
        }
        blocks += [
            .row(point.fields.map { strings.question($0, measure: point.measure) }, .strong),
            .paragraph(strings.numbering(timeline.numbering), .normal),
        ]
        // What the class needs to work the numbers out: the segment before the one asked about.
        if namingLastSegment, let previous = timeline.ladder(through: player.visibleFrame.index).last {
            blocks.append(.paragraph(strings.lastSegment(previous, label: label(previous)), .normal))
        }
        // And what comes next, before the segment: a call gives a length, a wait fires a timer. (The ISNs are not repeated: the
        // class has just heard them in the narration, and recalling that a SYN's seq is its ISN is the point.)
        let lead = QuestionLead.events(player).compactMap(strings.shared.stepEvent)
        if !lead.isEmpty {
            blocks.append(
                .paragraph(strings.leadIn + lead.joined(separator: strings.shared.say("; ", "；")), .normal))
        }
        blocks.append(.paragraph(strings.revealHint, .dim))
        return blocks
    }

    private func answerBlocks(_ point: QuizPoint) -> [PanelBlock] {
        guard let question = QuizQuestion(timeline: timeline, frameIndex: player.stop.frameIndex, fields: point.fields)
        else { return [] }
        var parts: [String] = []
        if point.fields.contains(.sender) { parts.append("\(question.sender) → \(question.receiver)") }
        for field in point.fields {
            switch field {
            case .sender: continue
            case .flags: parts.append(strings.flags(question.segment.flags))
            case .seq: parts.append("seq \(question.expectedTypedSeq)")
            case .ack:
                switch question.expectedTypedAck {
                case .absent: parts.append(strings.noAck)
                case .number(let value): parts.append("ack \(value)")
                }
            case .len: parts.append(strings.length(question.segment.payloadLength))
            case .state: parts.append(strings.receiverState(question.receiver, question.receiverStateAfter))
            case .time: parts.append(AnswerParser.durationText(question.elapsed))
            }
        }
        return [
            .paragraph(strings.answerHeading, .question), .row(parts, .strong),
            .paragraph(strings.why(question.timeRule), .normal),
        ]
    }

    private var narrationBlocks: [PanelBlock] {
        var blocks: [PanelBlock] = []
        if let narration = player.frame.narration?.text(strings.language), !narration.isEmpty {
            blocks.append(.paragraph(narration, .strong))
        }
        if player.isAtEnd { blocks.append(.paragraph(strings.endOfLesson, .normal)) }
        return blocks
    }
}
