import LessonKit
import TCPCore
import TutorSession

/// The projector screen: the lesson title and step counter, the two hosts, the wire, the text, the keys.
struct PresenterScreen: Widget {
    var session: PresenterSession
    var strings: PresenterStrings

    func render(in area: Rect, on canvas: inout Canvas) {
        let player = session.player
        let timeline = session.timeline
        let size = Size(width: area.width, height: area.height)
        let needs = PresenterLayout.Needs(
            longestState: PresenterLayout.longestState(in: timeline),
            panelLines: panelLines(width: PresenterLayout.panelWidth(for: size)),
            readoutLines: PresenterReadout.linesNeeded(in: timeline, width: PresenterLayout.readoutWidth(for: size)),
            segments: timeline.frames.count { $0.wire != nil })
        let layout = PresenterLayout(size: size, needs: needs)
        renderHeader(layout, on: &canvas)
        let shown = player.visibleFrame
        for (host, box) in [(HostID.a, layout.hostA), (.b, layout.hostB)] {
            PresenterHost(
                host: host, address: timeline.hosts[host], state: shown.host(host).state, big: layout.bigStates,
                scale: layout.stateScale
            )
            .render(in: box, on: &canvas)
        }
        let content = PresenterContent(session: session, strings: strings)
        PresenterWire(
            content: content, columnA: layout.wireColumn(layout.hostA), columnB: layout.wireColumn(layout.hostB),
            topRow: layout.wireTop
        ).render(on: &canvas)
        if let readout = layout.readout {
            PresenterReadout(player: player).render(in: readout, on: &canvas)
        }
        if let tally = session.revealedTally {
            // The class answered: its answers take the panel's place, the engine's answer stays in the readout.
            ClassTallyView(tally: tally, language: strings.language).render(in: layout.panel, on: &canvas)
        } else {
            PresenterPanel(blocks: content.blocks(withLadder: layout.ladder != nil)).render(
                in: layout.panel, on: &canvas)
        }
        if let (answered, students) = session.answeredSoFar {
            let text = strings.answeredSoFar(answered, of: students)
            let panel = layout.panel
            canvas.write(
                text, x: max(panel.maxX - 1 - TextWidth.of(text), panel.x), y: panel.maxY - 1, ink: .strong,
                limit: panel.maxX)
        }
        if let ladder = layout.ladder {
            // As the tutor draws it: up to the frame whose states are shown, the step's segment strong once
            // it is revealed.
            LadderView(
                timeline: timeline, throughFrame: shown.index,
                highlightsLast: shown.wire != nil && player.pendingQuiz == nil, numbering: timeline.numbering,
                strings: strings.shared
            ).render(in: ladder, on: &canvas)
        }
        renderHint(in: layout.hint, on: &canvas)
    }

    /// As many of the key hints as fit whole, in the order given.
    private func renderHint(in area: Rect, on canvas: inout Canvas) {
        // The last column is left alone: writing the bottom-right cell makes some terminals scroll.
        let room = area.width - 2
        var line = ""
        for (key, action) in PresenterKeys.map.barItems(strings.language) {
            let item = key + " " + action
            let joined = line.isEmpty ? item : line + " · " + item
            guard TextWidth.of(joined) <= room else { break }
            line = joined
        }
        canvas.write(line, x: area.x + 1, y: area.y, ink: .dim, limit: area.maxX - 1)
    }

    /// Lines the longest text of the lesson takes without blank lines between blocks: an answer (heading, its
    /// parts, two lines of rule, the end line) above the longest narration, or a question. Deciding on the whole
    /// lesson keeps the layout still while stepping.
    private func panelLines(width: Int) -> Int {
        let narration =
            session.timeline.frames.map { frame in
                frame.narration.map { TextWrap.lines($0.text(strings.language), width: width).count } ?? 0
            }.max() ?? 0
        let question = 7
        return max(narration + 5, question)
    }

    private func renderHeader(_ layout: PresenterLayout, on canvas: inout Canvas) {
        let player = session.player
        let title = session.timeline.title.text(strings.language)
        let step = strings.shared.step(player.stepNumber, of: player.stepCount)
        let header = layout.header
        if layout.bigCounter {
            let counter = "\(player.stepNumber)/\(player.stepCount)"
            let width = BigText.width(of: counter, scale: 2)
            let x = header.maxX - 1 - width
            BigText(text: counter, scale: 2).render(
                in: Rect(x: x, y: header.y, width: width, height: BigText.height), on: &canvas)
            canvas.write(title, x: header.x + 1, y: header.y + 1, ink: .strong, limit: x - 2)
            canvas.write(step, x: header.x + 1, y: header.y + 3, ink: .strong, limit: x - 2)
        } else {
            let label = " \(step) "
            let x = header.maxX - 1 - TextWidth.of(label)
            canvas.write(label, x: x, y: header.y, ink: .solid)
            canvas.write(title, x: header.x + 1, y: header.y, ink: .strong, limit: x - 2)
        }
    }
}

/// Draws a presenter session into a canvas of the terminal's size.
public enum PresenterRenderer {
    /// The canvas for `session` in a window of `size`: all blank while the screen is blanked.
    public static func render(_ session: PresenterSession, size: Size) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        if session.isBlank { return canvas }
        let strings = PresenterStrings(session.language)
        guard ScreenRenderer.fits(size) else {
            TooSmallView(strings: strings.shared).render(in: canvas.bounds, on: &canvas)
            return canvas
        }
        PresenterScreen(session: session, strings: strings).render(in: canvas.bounds, on: &canvas)
        switch session.dialog {
        case .help:
            HelpDialog(
                strings: strings.shared, lines: PresenterKeys.map.helpLines(session.language), title: strings.helpTitle,
                actionInk: .strong, closeInk: .normal
            ).render(in: canvas.bounds, on: &canvas)
        case .jump(let digits):
            JumpDialog(
                digits: digits, range: 1...max(session.player.stepCount, 1), refused: session.refusedJump,
                strings: strings.shared
            ).render(in: canvas.bounds, on: &canvas)
        case .quitting, .summary, nil:
            // The presenter keeps no score: it opens neither.
            break
        }
        return canvas
    }
}
