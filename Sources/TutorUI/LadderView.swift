import LessonKit
import TCPCore
import TCPNotation
import TimelineKit

/// The sequence ("ladder") diagram of the segments so far: A's time line on the left, B's on the right, one
/// row per segment, newest at the bottom; a host's new state is written beside the row that changed it.
struct LadderView: Widget {
    var timeline: Timeline
    /// The last frame to include.
    var throughFrame: Int
    /// Whether the last row is the segment of the step on screen (drawn strong).
    var highlightsLast: Bool
    var numbering: Numbering
    var strings: Strings

    /// Width of the state column on either side.
    static let stateWidth = 13

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.height >= 2, area.width >= 40 else { return }
        let leftLane = area.x + Self.stateWidth
        let rightLane = area.maxX - Self.stateWidth - 1
        canvas.write("A", x: leftLane, y: area.y, ink: .hostA)
        canvas.write("B", x: rightLane, y: area.y, ink: .hostB)
        let heading = strings.ladderHeading
        canvas.write(
            heading, x: leftLane + (rightLane - leftLane - TextWidth.of(heading)) / 2 + 1, y: area.y, ink: .dim)
        let rowsArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        canvas.verticalLine(x: leftLane, y: rowsArea.y, length: rowsArea.height, ink: .hostA)
        canvas.verticalLine(x: rightLane, y: rowsArea.y, length: rowsArea.height, ink: .hostB)

        let events = timeline.ladder(through: throughFrame)
        let frames = timeline.frames[...min(throughFrame, timeline.frames.count - 1)].filter { $0.wire != nil }
        var rows = Array(zip(events, frames))
        var y = rowsArea.y
        if rows.count > rowsArea.height {
            let hidden = rows.count - rowsArea.height + 1
            canvas.write(strings.earlier(hidden), x: leftLane + 2, y: y, ink: .dim, limit: rightLane)
            rows.removeFirst(hidden)
            y += 1
        }
        for (index, row) in rows.enumerated() {
            let isCurrent = highlightsLast && index == rows.count - 1
            drawRow(
                row.0, frame: row.1, y: y, leftLane: leftLane, rightLane: rightLane, isCurrent: isCurrent,
                area: area, on: &canvas)
            y += 1
        }
    }

    private func drawRow(
        _ event: WireEvent, frame: Frame, y: Int, leftLane: Int, rightLane: Int, isCurrent: Bool, area: Rect,
        on canvas: inout Canvas
    ) {
        let ink = Ink.segment(event.segment)
        let start = leftLane + 1
        let length = rightLane - start
        let leftToRight = event.from == .a
        // A lost segment stops short of the receiver's line with an X, leaving room for its whole label.
        let reach = event.fate == .dropped ? length - 2 : length
        // A segment injected from outside the connection (an old duplicate, a spoofed one) is dashed: no
        // endpoint's TCP sent it, though it carries the sender's addresses.
        let outside = event.sentBecause == .fromOutside
        for step in 0..<reach {
            let cell = outside ? Cell(step % 2 == 0 ? "-" : " ", ink: ink) : Cell(line: .horizontal, ink: ink)
            canvas.put(cell, x: leftToRight ? start + step : rightLane - 1 - step, y: y)
        }
        if event.fate == .dropped {
            canvas.put(Cell("X", ink: .warning), x: leftToRight ? start + reach - 1 : rightLane - reach, y: y)
        } else {
            canvas.put(Cell(leftToRight ? ">" : "<", ink: ink), x: leftToRight ? rightLane - 1 : start, y: y)
        }
        let base = timeline.numberBase(from: event.from, numbering: numbering)
        let room = max(reach - 3, 0)
        // A label longer than its arrow loses whole numbers and says so with "…": a cut number would be wrong.
        let label = " " + TextFit.fit(event.segment.notation(base: base), width: max(room - 2, 0)) + " "
        let labelWidth = min(TextWidth.of(label), room)
        let labelX = leftToRight ? start + 2 : rightLane - 2 - labelWidth
        canvas.write(label, x: labelX, y: y, ink: isCurrent ? .strong : ink, limit: labelX + labelWidth)
        for host in HostID.allCases where !(frame.transitions[host] ?? []).isEmpty {
            let state = frame.host(host).state.description
            switch host {
            case .a:
                canvas.write(state, x: leftLane - 1 - TextWidth.of(state), y: y, ink: .hostA, limit: leftLane)
            case .b:
                canvas.write(state, x: rightLane + 2, y: y, ink: .hostB, limit: area.maxX)
            }
        }
    }
}
