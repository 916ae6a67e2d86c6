import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The wire on the projector: a line from under host A's box to under host B's, the current segment as an
/// arrow along it in its colour (travelling while animated) with its label above; question marks while the
/// class is asked; a host's call or the time passing when no segment crosses. (The big letters of the flags,
/// the question and the answer are the readout's, under the wire.)
struct PresenterWire {
    var content: PresenterContent
    /// Columns where the wire leaves A's box and B's box.
    var columnA: Int
    var columnB: Int
    /// The first row of the wire.
    var topRow: Int

    /// The first of the two label rows; the arrow is two rows below, a note under it.
    var labelTop: Int { topRow }
    var labelRow: Int { labelTop + 1 }
    var arrowRow: Int { labelTop + 2 }
    var noteRow: Int { labelTop + 3 }

    func render(on canvas: inout Canvas) {
        guard columnB - columnA >= 6 else { return }
        for column in [columnA, columnB] { canvas.verticalLine(x: column, y: topRow, length: 2) }
        canvas.put(Cell(line: .bottomLeft), x: columnA, y: arrowRow)
        canvas.put(Cell(line: .bottomRight), x: columnB, y: arrowRow)
        canvas.horizontalLine(x: columnA + 1, y: arrowRow, length: columnB - columnA - 1)
        let player = content.player
        if case .revealed = content.session.quizStage, player.pendingQuiz != nil, let wire = player.frame.wire {
            // Revealed where it was asked: the segment on the wire, the hosts still as they were before it.
            drawSegment(wire, crossing: nil, dimmed: false, on: &canvas)
            return
        }
        if let quiz = player.pendingQuiz {
            centered("?   ?   ?", row: labelRow, ink: .question, on: &canvas)
            // The direction is shown unless it is the question; in plain ink, as colour would tell the flags.
            if !quiz.fields.contains(.sender), let wire = player.frame.wire {
                drawArrow(from: wire.from, reach: columnB - columnA - 1, ink: .strong, on: &canvas)
            }
            return
        }
        let frame = player.frame
        let strings = content.strings.shared
        switch frame.event {
        case .segment(let event):
            drawSegment(event, crossing: player.crossing, dimmed: false, on: &canvas)
        case .call(let host, let call):
            let text = strings.call(host, call)
            let x = host == .a ? columnA + 2 : columnB - 1 - TextWidth.of(text)
            canvas.write(text, x: max(x, columnA + 2), y: labelRow, ink: .strong, limit: columnB - 1)
        case .wait(0), .say, .reorder:
            // A step that only speaks: the last segment stays on the wire, dimmed, as what is being discussed.
            if let last = content.timeline.ladder(through: frame.index).last {
                drawSegment(last, crossing: nil, dimmed: true, on: &canvas)
            }
        case .wait(let milliseconds):
            centered("... " + strings.wait(milliseconds) + " ...", row: labelRow, ink: .strong, on: &canvas)
        case .start:
            break
        }
        if frame.wire == nil {
            // Beside its sender, as on the tutor's wire: not under the segment drawn there, which has arrived.
            InFlightNote(timeline: content.timeline, frame: frame, strings: strings).render(
                y: noteRow, left: columnA + 1, right: columnB, ink: .normal, on: &canvas)
        }
    }

    /// Draws a segment's label and arrow; `dimmed` for one shown again as context, not as the step's event.
    private func drawSegment(_ event: WireEvent, crossing: Crossing?, dimmed: Bool, on canvas: inout Canvas) {
        let ink = dimmed ? Ink.dim : Ink.segment(event.segment)
        let labelInk = dimmed ? Ink.dim : Ink.strong
        let label = content.label(event)
        // A label too long for the wire breaks before its ack, keeping each number whole.
        if TextWidth.of(label) > columnB - columnA - 3, let ack = label.firstRange(of: " ack ") {
            centered(String(label[..<ack.lowerBound]), row: labelTop, ink: labelInk, on: &canvas)
            centered(String(label[label.index(after: ack.lowerBound)...]), row: labelRow, ink: labelInk, on: &canvas)
        } else {
            centered(label, row: labelRow, ink: labelInk, on: &canvas)
        }
        let length = columnB - columnA - 1
        let reach = event.fate == .dropped ? length / 2 : length
        let drawn = max(1, Int((Double(reach) * (crossing?.fraction ?? 1)).rounded()))
        let headX = drawArrow(from: event.from, reach: drawn, ink: ink, on: &canvas)
        let strings = content.strings.shared
        if event.fate == .dropped, crossing == nil {
            canvas.put(Cell("X", ink: dimmed ? .dim : .warning), x: headX, y: arrowRow)
            canvas.write(
                strings.lost, x: headX - TextWidth.of(strings.lost) / 2, y: noteRow, ink: dimmed ? .dim : .warning)
        } else if event.fate == .duplicated, crossing == nil {
            centered(strings.duplicated, row: noteRow, ink: .normal, on: &canvas)
        }
    }

    /// Draws `reach` cells of arrow from `sender`'s end of the wire, head included; returns the head's column.
    @discardableResult
    private func drawArrow(from sender: HostID, reach: Int, ink: Ink, on canvas: inout Canvas) -> Int {
        let leftToRight = sender == .a
        for step in 0..<reach {
            let x = leftToRight ? columnA + 1 + step : columnB - 1 - step
            canvas.put(Cell(line: .horizontal, ink: ink), x: x, y: arrowRow)
        }
        let headX = leftToRight ? columnA + reach : columnB - reach
        canvas.put(Cell(leftToRight ? ">" : "<", ink: ink), x: headX, y: arrowRow)
        return headX
    }

    private func centered(_ text: String, row: Int, ink: Ink, on canvas: inout Canvas) {
        let room = columnB - columnA - 3
        let x = columnA + 2 + max((room - TextWidth.of(text)) / 2, 0)
        canvas.write(text, x: x, y: row, ink: ink, limit: columnB - 1)
    }
}
