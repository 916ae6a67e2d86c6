import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// What the class must read from the back of the room, in big letters across the screen under the wire: at a
/// question the fields asked (`FLAGS?  SEQ?  ACK?`), once revealed the answer line (`SYN+ACK  SEQ 1739326486
/// ACK 3626544837`), at any other segment its flags. The words are the ASCII of tcpdump and the RFC in both
/// languages (the big font has no Chinese); the panel below says the same in the chosen language.
struct PresenterReadout {
    /// Parts kept whole on a line; `fallback` is what is shown when the parts need more lines than there are.
    var parts: [String]
    var fallback: String?

    /// Big-letter gap between two parts: two spaces, against one inside a part.
    static let gap = "  "

    init(parts: [String], fallback: String?) {
        self.parts = parts
        self.fallback = fallback
    }

    /// The readout of the stop the player rests on.
    init(player: LessonPlayer) {
        let timeline = player.timeline
        if let point = player.pendingQuiz {
            self.init(question: point)
        } else if player.stop.phase == .shown, let point = player.frame.quiz {
            self.init(answer: point, timeline: timeline, frameIndex: player.stop.frameIndex)
        } else if let wire = player.frame.wire, !wire.segment.flags.isEmpty {
            self.init(parts: [wire.segment.flags.spelledOut], fallback: nil)
        } else {
            self.init(parts: [], fallback: nil)
        }
    }

    init(question point: QuizPoint) {
        parts = point.fields.map(Self.questionWord)
        fallback = "?"
    }

    /// The answer from the engine's segment, as the panel and the tutor's grading take it (`QuizQuestion`).
    init(answer point: QuizPoint, timeline: Timeline, frameIndex: Int) {
        guard let question = QuizQuestion(timeline: timeline, frameIndex: frameIndex, fields: point.fields) else {
            parts = []
            fallback = nil
            return
        }
        let flags = question.segment.flags.spelledOut
        parts = point.fields.map { field in
            switch field {
            case .sender: "\(question.sender)>\(question.receiver)"
            case .flags: flags
            case .seq: "SEQ \(question.expectedTypedSeq)"
            case .ack:
                switch question.expectedTypedAck {
                case .absent: "NO ACK"
                case .number(let value): "ACK \(value)"
                }
            case .len: "LEN \(question.segment.payloadLength)"
            case .state: "\(question.receiver): \(question.receiverStateAfter)"
            case .time: AnswerParser.durationText(question.elapsed).uppercased()
            }
        }
        // A state question on a wait has no segment of its own: its basis is the segment before.
        fallback = flags.isEmpty || question.asksStateChange ? nil : flags
    }

    static func questionWord(_ field: QuizField) -> String {
        switch field {
        case .sender: "WHO?"
        case .flags: "FLAGS?"
        case .seq: "SEQ?"
        case .ack: "ACK?"
        case .len: "LEN?"
        case .state: "STATE?"
        case .time: "WHEN?"
        }
    }

    /// The parts as big lines at most `width` cells wide (one-cell pixels), breaking only between parts; nil
    /// when a part alone is too wide or cannot be drawn.
    static func lines(_ parts: [String], width: Int) -> [String]? {
        guard parts.allSatisfy({ BigText.canDraw($0) && BigText.width(of: $0) <= width }) else { return nil }
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, BigText.width(of: last + gap + part) <= width {
                lines[lines.count - 1] = last + gap + part
            } else {
                lines.append(part)
            }
        }
        return lines
    }

    /// Big lines needed at `width` by every stop of `timeline` (questions, answers, segments), so the layout
    /// can keep the room for the longest and stay still while stepping.
    static func linesNeeded(in timeline: Timeline, width: Int) -> Int {
        var needed = 0
        for frame in timeline.frames {
            var readouts: [PresenterReadout] = []
            if let point = frame.quiz {
                readouts += [
                    PresenterReadout(question: point),
                    PresenterReadout(answer: point, timeline: timeline, frameIndex: frame.index),
                ]
            } else if let wire = frame.wire, !wire.segment.flags.isEmpty {
                readouts.append(PresenterReadout(parts: [wire.segment.flags.spelledOut], fallback: nil))
            }
            for readout in readouts { needed = max(needed, lines(readout.parts, width: width)?.count ?? 1) }
        }
        return needed
    }

    /// Rows `lines` big lines take, a blank row between two.
    static func rows(forLines lines: Int) -> Int { lines == 0 ? 0 : lines * BigText.height + lines - 1 }

    /// Draws the readout centred in `area`: square pixels when it fits on one line that way, the fallback when
    /// the parts need more lines than `area` holds.
    func render(in area: Rect, on canvas: inout Canvas) {
        guard !parts.isEmpty else { return }
        let room = area.height >= BigText.height ? (area.height + 1) / (BigText.height + 1) : 0
        var lines = Self.lines(parts, width: area.width) ?? []
        if lines.isEmpty || lines.count > room {
            guard let fallback, room > 0, BigText.canDraw(fallback), BigText.width(of: fallback) <= area.width
            else { return }
            lines = [fallback]
        }
        let scale = lines.count == 1 && BigText.width(of: lines[0], scale: 2) <= area.width ? 2 : 1
        for (offset, line) in lines.enumerated() {
            let width = BigText.width(of: line, scale: scale)
            BigText(text: line, scale: scale).render(
                in: Rect(
                    x: area.x + (area.width - width) / 2, y: area.y + offset * (BigText.height + 1), width: width,
                    height: BigText.height),
                on: &canvas)
        }
    }
}
