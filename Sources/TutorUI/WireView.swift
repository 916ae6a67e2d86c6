import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorSession

/// The wire between the two host boxes: the current segment as an arrow labelled in tcpdump notation,
/// travelling while it is animated; or what the step did when no segment crosses.
struct WireView: Widget {
    var player: LessonPlayer
    var numbering: Numbering
    var strings: Strings
    /// Offset of the arrow row from the top of the area (the host boxes' state row).
    var arrowRow: Int
    /// Whether the question on screen has been answered: its segment is drawn instead of question marks, beside
    /// the feedback, while the hosts stay as they were before it.
    var answered = false

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.width >= 6 else { return }
        let arrowY = area.y + arrowRow
        if answered, player.pendingQuiz != nil, let wire = player.frame.wire {
            drawSegment(wire, in: area, arrowY: arrowY, on: &canvas, animated: false)
            return
        }
        if player.pendingQuiz != nil {
            // What happened since the last segment stays in sight around the question, the latest under it: a
            // call such as `B: send 400 bytes` is where the segment's length comes from, a wait is why a timer
            // fired. Two rows hold the last two.
            let lead = QuestionLead.events(player).suffix(2)
            if let note = stateQuestionNote {
                guard lead.isEmpty else {
                    // The calls before it keep their rows; the question takes the arrow's place.
                    let x = area.x + max((area.width - TextWidth.of(note)) / 2, 0)
                    canvas.write(note, x: x, y: arrowY, ink: .question, limit: area.maxX)
                    for (offset, event) in lead.reversed().enumerated() {
                        drawEvent(event, in: area, y: arrowY + 1 - 2 * offset, on: &canvas)
                    }
                    return
                }
                drawStateQuestion(note, in: area, arrowY: arrowY, on: &canvas)
                return
            }
            let text = "? ? ?"
            canvas.write(text, x: area.x + (area.width - text.count) / 2, y: arrowY, ink: .question)
            for (offset, event) in lead.reversed().enumerated() {
                drawEvent(event, in: area, y: arrowY + 1 - 2 * offset, on: &canvas)
            }
            return
        }
        let frame = player.frame
        switch frame.event {
        case .segment(let event):
            drawSegment(event, in: area, arrowY: arrowY, on: &canvas)
        case .call, .wait(1...):
            drawEvent(frame.event, in: area, y: arrowY, on: &canvas)
        case .wait(0), .say, .reorder:
            // A step that only explains: the segment it talks about stays on the wire, as it arrived.
            if let last = player.timeline.frames[...frame.index].last(where: { $0.wire != nil })?.wire {
                drawSegment(last, in: area, arrowY: arrowY, on: &canvas, animated: false)
            }
        case .wait, .start:
            break
        }
        for host in HostID.allCases {
            guard let error = frame.errors[host]?.first else { continue }
            // Where the application hears about it: under the arrow, on its host's side.
            let text = strings.error(error)
            let width = TextWidth.of(text)
            let x = host == .a ? area.x + 1 : area.maxX - 1 - width
            canvas.write(text, x: max(x, area.x), y: arrowY + 1, ink: .warning, limit: area.maxX)
            return
        }
        if frame.wire == nil {
            InFlightNote(timeline: player.timeline, frame: frame, strings: strings).render(
                y: arrowY + 1, left: area.x + 1, right: area.maxX - 1, ink: .dim, on: &canvas)
        }
    }

    /// A question on a `wait` that asks when a host's state changes: no segment crosses, so question marks in
    /// the arrow's place would stand for one that never comes. The wire shows what is known: the segment before it
    /// as it arrived (which the question measures from, unless it says otherwise), and on the host's side the
    /// state it is in, asked about; never the state it reaches nor the time (TEACHING.md rule 12).
    private func drawStateQuestion(_ note: String, in area: Rect, arrowY: Int, on canvas: inout Canvas) {
        let shown = player.visibleFrame
        if let last = player.timeline.frames[...shown.index].last(where: { $0.wire != nil })?.wire {
            drawSegment(last, in: area, arrowY: arrowY, on: &canvas, animated: false)
        }
        let host = player.pendingQuiz?.measure?.stateHost ?? .a
        let x = host == .a ? area.x + 1 : area.maxX - 1 - TextWidth.of(note)
        canvas.write(note, x: max(x, area.x), y: arrowY + 1, ink: .question, limit: area.maxX)
    }

    /// What the wire asks at a question on a `wait` about a host's state ("A leaves TIME_WAIT: when?"); nil at any
    /// other question (a segment crosses there, drawn as question marks).
    var stateQuestionNote: String? {
        guard let point = player.pendingQuiz, let host = point.measure?.stateHost,
            player.timeline.frames[player.stop.frameIndex].wire == nil
        else { return nil }
        let state = player.visibleFrame.host(host).state
        return strings.say("\(host) leaves \(state): when?", "主机\(host)何时离开\(state)？")
    }

    /// A call on its host's side, or time passing in the middle; other events draw nothing here.
    private func drawEvent(_ event: FrameEvent, in area: Rect, y: Int, on canvas: inout Canvas) {
        switch event {
        case .call(let host, let call):
            let text = strings.call(host, call)
            let width = TextWidth.of(text)
            let x = host == .a ? area.x + 1 : area.maxX - 1 - width
            canvas.write(text, x: max(x, area.x), y: y, ink: .host(host), limit: area.maxX)
        case .wait(let milliseconds) where milliseconds > 0:
            let text = "... " + strings.wait(milliseconds) + " ..."
            canvas.write(text, x: area.x + max((area.width - TextWidth.of(text)) / 2, 0), y: y, ink: .dim)
        case .wait, .start, .segment, .say, .reorder:
            break
        }
    }

    private func drawSegment(
        _ event: WireEvent, in area: Rect, arrowY: Int, on canvas: inout Canvas, ink: Ink? = nil, animated: Bool = true
    ) {
        let ink = ink ?? Ink.segment(event.segment)
        let base = player.timeline.numberBase(from: event.from, numbering: numbering)
        let label = event.segment.notation(base: base)
        // A label too long for the wire breaks before its ack, keeping each number whole.
        var labelLines = [label]
        if TextWidth.of(label) > area.width - 2, let ack = label.firstRange(of: " ack ") {
            labelLines = [String(label[..<ack.lowerBound]), String(label[label.index(after: ack.lowerBound)...])]
        }
        for (offset, line) in labelLines.suffix(min(arrowRow, 2)).reversed().enumerated() {
            let x = area.x + max((area.width - TextWidth.of(line)) / 2, 0)
            canvas.write(line, x: x, y: arrowY - 1 - offset, ink: ink, limit: area.maxX)
        }
        let length = area.width - 2
        let crossing = animated ? player.crossing : nil
        let travelled = crossing.map { $0.fraction } ?? 1
        let reach = event.fate == .dropped ? length / 2 : length
        let drawn = max(1, Int((Double(reach) * travelled).rounded()))
        let leftToRight = event.from == .a
        for step in 0..<drawn {
            let x = leftToRight ? area.x + 1 + step : area.maxX - 2 - step
            canvas.put(Cell(line: .horizontal, ink: ink), x: x, y: arrowY)
        }
        let headX = leftToRight ? area.x + drawn : area.maxX - 1 - drawn
        let arrived = crossing == nil
        if event.fate == .dropped, arrived {
            canvas.put(Cell("X", ink: .warning), x: headX, y: arrowY)
            let text = strings.lost
            canvas.write(text, x: headX - TextWidth.of(text) / 2, y: arrowY + 1, ink: .warning, limit: area.maxX)
        } else {
            canvas.put(Cell(leftToRight ? ">" : "<", ink: ink), x: headX, y: arrowY)
            if event.fate == .duplicated, arrived {
                let text = strings.duplicated
                canvas.write(
                    text, x: area.x + (area.width - TextWidth.of(text)) / 2, y: arrowY + 1, ink: .dim,
                    limit: area.maxX)
            }
        }
    }
}

/// Segments sent and not yet arrived, drawn as a short arrow leaving their sender with the count ("──> 1 in
/// flight" on A's side, "1 in flight <──" on B's): under the wire's middle the note read as if it belonged to
/// the segment drawn there, which had already arrived. When the next segment to cross is a question that asks
/// who sends, nothing is drawn: the direction is the answer.
struct InFlightNote {
    var timeline: Timeline
    var frame: Frame
    var strings: Strings

    /// Segments in flight from each host, A first; empty when the next question asks for the sender.
    var counts: [(host: HostID, count: Int)] {
        let next = timeline.frames[(frame.index + 1)...].first { $0.wire != nil }
        if next?.quiz?.fields.contains(.sender) == true { return [] }
        return HostID.allCases.compactMap { host in
            let count = frame.inFlight.count { $0.from == host }
            return count > 0 ? (host, count) : nil
        }
    }

    /// Draws the notes on row `y`, A's starting at column `left`, B's ending at column `right` (exclusive).
    func render(y: Int, left: Int, right: Int, ink: Ink, on canvas: inout Canvas) {
        for (host, count) in counts {
            let text = strings.inFlight(count)
            let width = TextWidth.of(text) + 4
            guard right - left >= width else { continue }
            if host == .a {
                canvas.horizontalLine(x: left, y: y, length: 2, ink: ink)
                canvas.put(Cell(">", ink: ink), x: left + 2, y: y)
                canvas.write(text, x: left + 4, y: y, ink: ink, limit: right)
            } else {
                canvas.write(text, x: right - width, y: y, ink: ink, limit: right)
                canvas.put(Cell("<", ink: ink), x: right - 3, y: y)
                canvas.horizontalLine(x: right - 2, y: y, length: 2, ink: ink)
            }
        }
    }
}
