import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The two hosts with the wire between them, as the lesson screen and a question's stage draw them.
struct HostsAndWire {
    var player: LessonPlayer
    var numbering: Numbering
    var showsTCB: Bool
    /// Whether the question on screen has been answered (its segment is drawn instead of question marks).
    var answered = false
    var strings: Strings

    /// Draws them across `area` from row `top`; returns the first row below them.
    func render(in area: Rect, top: Int, on canvas: inout Canvas) -> Int {
        let timeline = player.timeline
        let boxHeight = HostBox.height(showsTCB: showsTCB)
        let boxWidth = min(30, max(22, area.width / 5))
        let shown = player.visibleFrame
        let relative = numbering == .relative
        for host in HostID.allCases {
            let x = host == .a ? area.x : area.maxX - boxWidth
            HostBox(
                host: host, address: timeline.hosts[host], snapshot: shown.hosts[host], showsTCB: showsTCB,
                sendBase: relative ? timeline.isn[host] : SequenceNumber(0),
                receiveBase: relative ? timeline.isn[host.peer] : SequenceNumber(0),
                strings: strings
            ).render(in: Rect(x: x, y: top, width: boxWidth, height: boxHeight), on: &canvas)
        }
        let wire = Rect(x: area.x + boxWidth, y: top, width: area.width - 2 * boxWidth, height: boxHeight)
        WireView(player: player, numbering: numbering, strings: strings, arrowRow: 2, answered: answered)
            .render(in: wire, on: &canvas)
        return top + boxHeight
    }

    /// The ladder of the segments so far, from row `top`, and `lower` (a panel, the feedback) of `lowerHeight`
    /// rows just above row `bottom`: the lower widget comes first, the ladder keeps what is left (as tall as
    /// the lesson needs at most) and is left out when fewer than two rows remain.
    func renderLadder(
        andLower lower: any Widget, lowerHeight: Int, in area: Rect, top: Int, bottom: Int, on canvas: inout Canvas
    ) {
        let segmentCount = player.timeline.frames.count { $0.wire != nil }
        let ladderHeight = min(segmentCount + 1, bottom - lowerHeight - 1 - top)
        if ladderHeight >= 2 {
            renderLadder(in: Rect(x: area.x, y: top, width: area.width, height: ladderHeight), on: &canvas)
        }
        lower.render(
            in: Rect(x: area.x + 1, y: bottom - lowerHeight, width: area.width - 2, height: lowerHeight), on: &canvas)
    }

    /// The ladder of the segments up to the frame on screen.
    func renderLadder(in area: Rect, on canvas: inout Canvas) {
        let shown = player.visibleFrame
        LadderView(
            timeline: player.timeline, throughFrame: shown.index,
            highlightsLast: shown.wire != nil && player.pendingQuiz == nil, numbering: numbering, strings: strings
        ).render(in: area, on: &canvas)
    }
}
