import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorSession

/// The lesson as plain numbered lines, for screen readers, pipes and `TERM=dumb`.
public enum PlainText {
    /// The lines describing the stop the session's open lesson rests on.
    public static func describe(_ session: TutorSession) -> [String] {
        guard let player = session.player else { return menu(session) }
        let strings = Strings(session.language)
        let timeline = player.timeline
        let numbering = session.numbering ?? timeline.numbering
        var lines: [String] = []
        var heading = strings.step(player.stepNumber, of: player.stepCount) + strings.partStop
        if let quiz = player.pendingQuiz {
            heading +=
                strings.quizHeading + strings.say(" ", "")
                + QuestionWording.text(
                    for: quiz, session.language, from: player.frame.wire?.from, to: player.frame.wire?.to)
            lines.append(heading)
            lines.append("  " + strings.plainReveal)
            return lines
        }
        let frame = player.frame
        switch frame.event {
        case .start: heading += strings.start + strings.partStop
        case .call(let host, let call): heading += strings.call(host, call) + strings.partStop
        // A step that only narrates passes no time and does nothing: the states follow the step number.
        case .wait(0), .say, .reorder: break
        case .wait(let milliseconds): heading += strings.wait(milliseconds) + strings.partStop
        case .segment(let event):
            let base = timeline.numberBase(from: event.from, numbering: numbering)
            heading += "\(event.from) > \(event.to): \(event.segment.notation(base: base))"
            switch event.fate {
            case .delivered: heading += strings.partStop
            case .dropped: heading += strings.aside(strings.lost) + strings.partStop
            case .duplicated: heading += strings.aside(strings.duplicated) + strings.partStop
            case .inFlight: heading += strings.aside(strings.onItsWay) + strings.partStop
            }
        }
        lines.append(heading + strings.states { frame.host($0).state } + strings.lineStop)
        for host in HostID.allCases {
            for error in frame.errors[host] ?? [] {
                lines.append("  \(host)\(strings.labelColon)\(strings.error(error))")
            }
        }
        if session.showsTCB {
            for host in HostID.allCases {
                lines.append("  " + tcbLine(host, frame: frame, timeline: timeline, numbering))
            }
        }
        if let narration = frame.narration(in: numbering)?.text(session.language), !narration.isEmpty {
            lines.append("  " + narration)
        }
        if player.isAtEnd { lines.append("  " + (session.hasNextLesson ? strings.plainEndWithNext : strings.plainEnd)) }
        return lines
    }

    /// The lesson list with each lesson's progress.
    public static func menu(_ session: TutorSession) -> [String] {
        let strings = Strings(session.language)
        var lines = ["\(strings.appName): \(strings.lessonsHeading)"]
        if session.lessons.isEmpty { lines.append(strings.noLessons) }
        for (index, entry) in session.lessons.enumerated() {
            let status: String
            switch entry.content {
            case .success(let timeline):
                if let saved = session.progress[timeline.lessonID] {
                    status =
                        saved.completed
                        ? saved.score.map(strings.doneWithScore) ?? strings.done
                        : strings.atStep(min(saved.step, timeline.frames.count - 1) + 1, of: timeline.frames.count)
                } else {
                    status = strings.notStarted
                }
            case .failure(let problem):
                status = strings.cannotLoad + ": " + problem.message
            }
            lines.append("\(index + 1). \(entry.title(session.language))" + strings.aside(status))
        }
        lines.append(strings.plainMenuPrompt(next: session.menuSelection + 1))
        return lines
    }

    /// The lesson's header, printed when it opens.
    public static func lessonHeader(_ session: TutorSession) -> [String] {
        guard let player = session.player else { return [] }
        let strings = Strings(session.language)
        let timeline = player.timeline
        let hosts = HostID.allCases.map { "\($0) \(timeline.hosts[$0].description)" }
            .joined(separator: strings.listGap)
        let numbering = strings.numbering(session.numbering ?? timeline.numbering)
        let title = timeline.title.text(session.language)
        return [
            title + strings.partStop + hosts + strings.say("; ", "；") + numbering + strings.lineStop,
            strings.plainLessonKeys,
        ]
    }

    private static func tcbLine(_ host: HostID, frame: Frame, timeline: Timeline, _ numbering: Numbering) -> String {
        guard let tcb = frame.host(host).tcb else { return "\(host) TCB: -" }
        let relative = numbering == .relative
        let sendBase = relative ? timeline.isn[host] : SequenceNumber(0)
        let receiveBase = relative ? timeline.isn[host.peer] : SequenceNumber(0)
        let irs = tcb.irs.map { String($0.offset(from: receiveBase)) } ?? "-"
        let rcvNxt = tcb.irs == nil ? "-" : String(tcb.rcvNxt.offset(from: receiveBase))
        // A listener has no ISS until a SYN arrives (RFC 9293 §3.10.7.2), as the host box shows.
        let listening = frame.host(host).state == .listen
        let send = { (value: SequenceNumber) in listening ? "-" : String(value.offset(from: sendBase)) }
        return
            "\(host) TCB: ISS \(send(tcb.iss)), IRS \(irs), SND.UNA \(send(tcb.sndUna)), "
            + "SND.NXT \(send(tcb.sndNxt)), RCV.NXT \(rcvNxt)"
    }
}

/// The plain mode's loop: reads lines, turns them into the same keys the full screen uses, prints what changed.
public struct PlainTutor {
    public var session: TutorSession

    public init(session: TutorSession) {
        self.session = session
    }

    /// Runs until the student quits from the menu or input ends.
    public mutating func run(_ console: PlainConsole) {
        let write = console.write
        PlainText.menu(session).forEach(write)
        while let command = console.nextLine() {
            let wasInLesson = session.player != nil
            let before = session
            var quit = false
            for key in keys(for: command) {
                for effect in session.update(.key(key)) {
                    switch effect {
                    case .saveProgress(let book): console.saveProgress(book)
                    case .quit: quit = true
                    // The tutor sits no exam, saves no lesson and leads no class.
                    case .appendToExamLog, .writeLesson, .showClassStep, .sendClassAnswer: break
                    }
                }
            }
            if quit { break }
            let strings = Strings(session.language)
            if let refused = session.refusedJump {
                // A number that is no step (or lesson): say which there are, and leave the dialog.
                write(strings.jumpRefused(refused, range: session.jumpRange, lessons: session.player == nil))
                _ = session.update(.key(.escape))
                continue
            }
            if command == "?" {
                let lines =
                    session.player == nil
                    ? strings.plainMenuHelpLines(next: session.menuSelection + 1) : strings.helpLines
                lines.forEach { write("  \($0.key): \($0.action)") }
                continue
            }
            if session.player == nil {
                if wasInLesson || before.language != session.language || command.isEmpty {
                    PlainText.menu(session).forEach(write)
                }
                continue
            }
            if !wasInLesson { PlainText.lessonHeader(session).forEach(write) }
            if session != before || !wasInLesson {
                PlainText.describe(session).forEach(write)
            } else {
                write(Strings(session.language).plainNothing)
            }
        }
        console.saveProgress(session.progress)
    }

    /// Whether a typed line is a number to go to (digits only: `-3` is no step).
    private static func isNumber(_ command: String) -> Bool {
        !command.isEmpty && command.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The keys a typed line stands for.
    private func keys(for command: String) -> [Key] {
        let lower = command.lowercased()
        if session.player == nil {
            if Self.isNumber(command) { return [.character("g")] + command.map { Key.character($0) } + [.enter] }
            switch lower {
            case "": return [.enter]
            case "q", "quit": return [.character("q")]
            case "l": return [.character("l")]
            default: return []
            }
        }
        // At a quiz point the answer panel has the keys: Escape hands them back to stepping first.
        let lead: [Key] = session.panelHasFocus ? [.escape] : []
        if Self.isNumber(command) { return lead + [.character("g")] + command.map { Key.character($0) } + [.enter] }
        switch lower {
        case "", "n", "next": return lead + [.right]
        case "b", "back", "p": return lead + [.left]
        case "home", "first": return lead + [.home]
        case "end", "last": return lead + [.end]
        case "t", "r", "l", "q": return lead + [.character(Character(lower))]
        default: return []
        }
    }
}
