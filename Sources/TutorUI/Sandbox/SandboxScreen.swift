import LessonKit
import TCPCore
import TimelineKit
import TutorSession

extension SandboxSession: FullScreenApp {
    public var isAnimating: Bool { false }
    public var showsClock: Bool { false }
    public func render(size: Size) -> Canvas {
        let help =
            showsHelp
            ? SandboxWords(language).commandLines + SandboxKeys.emptyLine.helpLines(language)
                + SandboxKeys.line.helpLines(language) : nil
        return ScreenRenderer.screen(size: size, language: language, help: help) { canvas, strings in
            SandboxScreen(session: self, strings: strings).render(in: canvas.bounds, on: &canvas)
        }
    }
}

/// The sandbox: the lesson screen's hosts, wire and ladder for the last step, what it did and why (each rule
/// with its RFC 9293 section), what can be done now, and the command line.
struct SandboxScreen: Widget {
    var session: SandboxSession
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let words = SandboxWords(strings.language)
        let timeline = session.sandbox.timeline
        let numbering = timeline.numbering
        HeaderBar(
            title: "\(strings.appName)  \(words.title)",
            status: words.step(session.sandbox.typedSteps) + "   " + strings.numbering(numbering)
        ).render(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)

        // A lesson gone on from may have quiz points: the sandbox shows its last frame as it is, never a question.
        var shown = timeline
        for index in shown.frames.indices { shown.frames[index].quiz = nil }
        let player = LessonPlayer(timeline: shown, step: shown.frames.count - 1)
        let stage = HostsAndWire(player: player, numbering: numbering, showsTCB: session.showsTCB, strings: strings)
        let ladderTop = stage.render(in: area, top: area.y + 2, on: &canvas) + 1

        let keyBarY = area.maxY - 1
        let commandY = keyBarY - 1
        // What is possible now takes the two rows above the command line (choicesY is the lower one).
        let choicesY = commandY - 1
        let textWidth = area.width - 4
        let paragraphs = explanation(words: words, frame: player.frame, timeline: timeline)
        let text = TextBlock(paragraphs: paragraphs, width: textWidth)
        // A command that could not be read is shown again with a caret under the column of its problem.
        var echoRows = 0
        if case .problem = session.outcome { echoRows = 2 }
        let room = choicesY - 1 - ladderTop - 1
        let textHeight = min(text.lines.count + echoRows, max(room - 3, 1))
        let segmentCount = timeline.frames.count { $0.wire != nil }
        let ladderHeight = min(segmentCount + 1, room - textHeight - 1)
        if ladderHeight >= 2 {
            stage.renderLadder(in: Rect(x: area.x, y: ladderTop, width: area.width, height: ladderHeight), on: &canvas)
        }
        let textTop = choicesY - 2 - textHeight
        if case .problem(let column, _) = session.outcome, textHeight > 2 {
            let x = canvas.write(words.prompt, x: area.x + 2, y: textTop, ink: .key)
            canvas.write(session.lastCommand, x: x, y: textTop, limit: area.maxX - 1)
            canvas.write("^", x: min(x + column - 1, area.maxX - 2), y: textTop + 1, ink: .warning)
        } else {
            echoRows = 0
        }
        text.render(
            in: Rect(x: area.x + 2, y: textTop + echoRows, width: textWidth, height: textHeight - echoRows),
            on: &canvas)

        let choices =
            session.candidates.isEmpty ? words.choices(session.sandbox.choices) : [words.candidates(session.candidates)]
        for (offset, line) in choices.enumerated() {
            canvas.write(
                TextFit.fit(line, width: area.width - 3), x: area.x + 1, y: choicesY - choices.count + 1 + offset,
                ink: .dim, limit: area.maxX - 1)
        }
        renderCommandLine(words: words, in: area, y: commandY, on: &canvas)
        let keys = session.line.isEmpty ? SandboxKeys.emptyLine.barItems(strings.language) : []
        KeyBar(keys: SandboxKeys.line.barItems(strings.language) + keys).render(
            in: Rect(x: area.x, y: keyBarY, width: area.width, height: 1), on: &canvas)
    }

    /// `> ` and the line being typed, scrolled so that the cursor stays in sight; the terminal's cursor stands
    /// where the next character goes.
    private func renderCommandLine(words: SandboxWords, in area: Rect, y: Int, on canvas: inout Canvas) {
        let left = area.x + 1
        let x = canvas.write(words.prompt, x: left, y: y, ink: .key)
        let room = area.maxX - 2 - x
        let scrolled = max(session.cursor - room + 1, 0)
        let visible = session.line[scrolled...]
        var column = x
        for (offset, character) in visible.enumerated() {
            if offset + scrolled == session.cursor { canvas.cursor = CellPosition(x: column, y: y) }
            column = canvas.write(String(character), x: column, y: y, limit: area.maxX - 1)
        }
        if session.cursor == session.line.count { canvas.cursor = CellPosition(x: min(column, area.maxX - 2), y: y) }
    }

    /// What the last command did: its problem (the command with a caret under the column), the refused call's
    /// rule, or the last step explained: the rule that sent its segment and how the receiver handled it, each
    /// state change and error, and a segment a timer sent during a wait.
    private func explanation(
        words: SandboxWords, frame: Frame, timeline: Timeline
    ) -> [(text: String, ink: Ink)] {
        if session.warnedUnsaved { return [(words.unsavedOnQuit(session.sandbox.typedSteps), .warning)] }
        let said = words.outcome(session.outcome, saveFailure: session.saveFailure)
        switch session.outcome {
        case .problem:
            return said.map { ($0, .warning) }
        case .refused:
            return said.enumerated().map { ($0.element, $0.offset == 0 ? Ink.warning : .normal) }
        case .save where session.saveFailure != nil:
            return said.map { ($0, .warning) }
        case .nothingToUndo:
            return said.map { ($0, .dim) }
        case .undone, .save:
            return said.map { ($0, .strong) } + stepLines(frame: frame, timeline: timeline, words: words)
        case .nothing, .stepped, .help, .quit:
            return stepLines(frame: frame, timeline: timeline, words: words)
        }
    }

    private func stepLines(frame: Frame, timeline: Timeline, words: SandboxWords) -> [(text: String, ink: Ink)] {
        let language = strings.language
        var lines: [(text: String, ink: Ink)] = []
        if let wire = frame.wire {
            lines.append((RuleText.explanation(wire.sentBecause, language), .normal))
            if let handled = wire.handledBecause,
                !(frame.transitions[wire.to] ?? []).contains(where: { $0.because == handled })
            {
                lines.append(("\(wire.to)" + strings.labelColon + RuleText.explanation(handled, language), .normal))
            }
        }
        if case .wait = frame.event {
            for emitted in frame.emitted {
                let base = timeline.numberBase(from: emitted.from)
                lines.append((words.timerSent(emitted, notation: emitted.segment.notation(base: base)), .strong))
            }
        }
        for host in HostID.allCases {
            for transition in frame.transitions[host] ?? [] {
                let change = "\(host) \(transition.from) → \(transition.to)" + strings.labelColon
                lines.append((change + RuleText.explanation(transition.because, language), .normal))
            }
            for error in frame.errors[host] ?? [] {
                lines.append(("\(host)" + strings.labelColon + strings.error(error), .warning))
            }
        }
        return lines
    }
}
