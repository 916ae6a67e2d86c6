import LessonKit
import TCPCore
import TutorSession

/// The presenter as plain numbered lines, for a terminal without cursor control, a pipe or a screen reader:
/// the same session and the same words as the full screen, one stop at a time.
public enum PresenterPlainText {
    /// The lines for the stop the session rests on: the step, what happened, the question or the answer.
    public static func describe(_ session: PresenterSession) -> [String] {
        let strings = PresenterStrings(session.language)
        let player = session.player
        let content = PresenterContent(session: session, strings: strings)
        let stop = strings.fullStop
        let end = stop + strings.sentenceGap
        var heading = strings.shared.step(player.stepNumber, of: player.stepCount) + end
        var blocks = content.blocks
        if case .asked = session.quizStage, blocks.count >= 2 {
            heading += blocks.removeFirst().flatText + strings.colon + blocks.removeFirst().flatText
            return [heading] + blocks.map { "  " + $0.flatText }
        }
        let frame = player.frame
        switch frame.event {
        case .start: heading += strings.shared.start + end
        case .call(let host, let call): heading += strings.shared.call(host, call) + end
        case .wait(0), .say, .reorder: break
        case .wait(let milliseconds): heading += strings.shared.wait(milliseconds) + end
        case .segment(let event):
            heading += "\(event.from) > \(event.to): \(content.label(event))"
            switch event.fate {
            case .delivered, .inFlight: heading += end
            case .dropped: heading += strings.shared.aside(strings.shared.lost) + end
            case .duplicated: heading += strings.shared.aside(strings.shared.duplicated) + end
            }
        }
        // Revealed where it was asked, the hosts are still as they were before the calls that make the segment.
        let hosts = player.pendingQuiz == nil ? frame : player.visibleFrame
        var lines = [heading + strings.shared.states { hosts.host($0).state } + stop]
        if case .revealed = session.quizStage, blocks.count >= 2 {
            // "Answer" and its parts on one line.
            lines.append("  " + blocks.removeFirst().flatText + strings.colon + blocks.removeFirst().flatText)
        }
        return lines + blocks.map { "  " + $0.flatText }
    }

    /// The lesson's header: title, hosts, numbering, and the keys of the plain mode.
    public static func header(_ session: PresenterSession) -> [String] {
        let strings = PresenterStrings(session.language)
        let timeline = session.timeline
        let hosts = HostID.allCases.map { "\($0) \(timeline.hosts[$0].description)" }
            .joined(separator: strings.shared.listGap)
        let end = strings.fullStop + strings.sentenceGap
        return [
            timeline.title.text(session.language) + end + hosts + end + strings.numbering(timeline.numbering),
            strings.plainKeys,
        ]
    }
}

/// The plain presenter's loop: reads lines, turns them into the keys the full screen uses, prints each stop.
public struct PresenterPlain {
    public var session: PresenterSession
    var readLine: () -> String?
    var write: (String) -> Void

    public init(session: PresenterSession, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.session = session
        self.readLine = readLine
        self.write = write
    }

    /// Runs until `q` or the end of input.
    public mutating func run() {
        let read = readLine
        run(next: { read().map { .line($0) } ?? .end }, perform: { _ in nil })
    }

    /// Runs until `q` or the end of input, taking lines and messages from `next` in the order they come: with a
    /// class, each step goes to `perform` (to be sent to every follower), the class's messages update the count,
    /// which is printed as it changes ("17 of 25 answered"), and a reveal prints the class's answers.
    public mutating func run(next: () -> ClassLineInput, perform: (Effect) -> Message?) {
        PresenterPlainText.header(session).forEach(write)
        describe()
        ClassLineInput.read(
            next,
            messages: { messages in
                let before = answeredText
                if session.deliver(messages, perform) { return true }
                if let now = answeredText, now != before { write("  " + now) }
                return false
            },
            line: { line in take(line, perform) })
    }

    /// A typed line, as the keys it stands for. True when the presenter quits.
    private mutating func take(_ line: String, _ perform: (Effect) -> Message?) -> Bool {
        let before = session
        var quit = false
        for key in keys(for: line) where session.deliver([.key(key)], perform) { quit = true }
        if quit { return true }
        // A step number out of range leaves the entry open: close it, the line is spent.
        if session.dialog != nil { _ = session.deliver([.key(.escape)], perform) }
        if session.language != before.language { PresenterPlainText.header(session).forEach(write) }
        if session.player != before.player || session.language != before.language
            || session.isRevealed != before.isRevealed
        {
            describe()
        } else {
            write(PresenterStrings(session.language).plainNothing)
        }
        return false
    }

    /// The stop, then the class's count or answers when a class follows.
    private func describe() {
        PresenterPlainText.describe(session).forEach(write)
        if let answeredText { write("  " + answeredText) }
        if let tally = session.revealedTally {
            ClassTallyText.lines(tally, language: session.language).forEach(write)
        }
    }

    /// "17 of 25 answered" while a question is put to a class.
    private var answeredText: String? {
        session.answeredSoFar.map { PresenterStrings(session.language).answeredSoFar($0.answered, of: $0.students) }
    }

    /// The keys a typed line stands for.
    private func keys(for line: String) -> [Key] {
        let command = line.split(separator: " ").joined().lowercased()
        if let number = Int(command) {
            return [.character("g")] + String(number).map { Key.character($0) } + [.enter]
        }
        switch command {
        case "", "n", "next": return [.enter]
        case "b", "back", "p": return [.left]
        case "home", "first": return [.home]
        case "end", "last": return [.end]
        case "l": return [.character("l")]
        case "q", "quit": return [.character("q")]
        default: return []
        }
    }
}
