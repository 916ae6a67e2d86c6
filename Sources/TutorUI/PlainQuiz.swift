import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorSession

/// Lines shared by the plain quiz and the plain exam: what happened before a question, the feedback.
enum PlainQuestionText {
    /// What happened before the question (the applications' calls, time passing, the segments), the hosts'
    /// states, and the calls and waits that lead to the asked segment, so the question can be answered from text: a call such as `A: send 100 bytes` is where a
    /// segment's length comes from.
    static func context(_ player: LessonPlayer, strings: Strings) -> [String] {
        let timeline = player.timeline
        let shown = player.visibleFrame
        var lines: [String] = []
        let hosts = HostID.allCases.map { "\($0) \(timeline.hosts[$0].description)" }
            .joined(separator: strings.listGap)
        let numbering = strings.numbering(timeline.numbering)
        lines.append(
            "  " + strings.say("Hosts: ", "主机：") + hosts + strings.say("; ", "；") + numbering + strings.lineStop)
        for frame in timeline.frames[...shown.index] {
            switch frame.event {
            case .segment(let event):
                let base = timeline.numberBase(from: event.from)
                var line = "  \(event.from) > \(event.to): \(event.segment.notation(base: base))"
                if event.fate == .dropped { line += strings.aside(strings.lost) }
                if event.sentBecause == .fromOutside { line += strings.aside(strings.fromOutside) }
                lines.append(line)
            case .call:
                if let text = strings.stepEvent(frame.event) { lines.append("  " + text) }
            case .wait, .start, .say, .reorder:
                if let text = strings.stepEvent(frame.event) { lines.append("  ... " + text + " ...") }
            }
        }
        lines.append("  " + strings.say("Now ", "当前：") + strings.states { shown.host($0).state } + strings.lineStop)
        // The calls and waits that lead to the asked segment come after the states: they are what makes it.
        for event in QuestionLead.events(player) {
            if let text = strings.stepEvent(event) { lines.append("  " + strings.say("Then: ", "接下来：") + text) }
        }
        return lines
    }

    /// Feedback as lines: a verdict per field, then the note and the reason.
    static func feedback(_ feedback: QuizFeedback, strings: Strings) -> [String] {
        var lines = ["  " + strings.points(feedback.score)]
        for field in feedback.fields {
            let name = strings.fieldName(field.field)
            if field.isCorrect {
                lines.append(
                    "  \(strings.rightWord)\(strings.verdictColon)\(name) \(field.given(in: strings.language) ?? "")")
            } else {
                let given = field.given(in: strings.language) ?? strings.blankWord
                let expected = field.expected(in: strings.language)
                lines.append(
                    "  \(strings.wrongWord)\(strings.verdictColon)\(name) \(strings.youTyped(given))"
                        + "\(strings.clauseGap)\(strings.rightValue(expected))")
                if let note = field.note { lines.append("    " + note.text(strings.language)) }
            }
            lines.append("    " + field.why.text(strings.language))
        }
        return lines
    }

    /// What a field's prompt says it accepts.
    static func prompt(_ field: QuizField, panel: QuizPanel, strings: Strings) -> String {
        var accepts: String
        switch field {
        case .sender: accepts = strings.senderNote
        case .flags: accepts = strings.say("letters S A F R P U or names, any order", "字母 S A F R P U 或名称，顺序不限")
        case .seq, .ack: accepts = panel.numberingPrompt(field)?.text(strings.language) ?? ""
        case .len: accepts = strings.lenNote
        case .state: accepts = strings.stateNote
        case .time: accepts = strings.timeNote
        }
        if field == .ack { accepts += strings.say("; '-' if there is no ACK flag", "；没有 ACK 标志位时输入 -") }
        return strings.fieldName(field) + strings.aside(accepts) + strings.labelColon
    }

    /// How a question's fields, once read, were taken.
    enum Submission {
        /// The answer was taken: on to the next question.
        case answered
        /// No more questions (the exam closed, or could not log the answer).
        case stopped
        /// These fields could not be read, nothing was taken: each is shown with its error and asked again.
        case unreadable([QuizField: AnswerError])
    }

    /// Reads a question's fields one line each (`read` sets the field, or returns false when input ended) and
    /// submits them, asking again for the fields that could not be read, each after its error, until the answer
    /// is taken. True when it was; false when input ended or `submit` stopped the questions.
    static func answer(
        _ fields: [QuizField], strings: () -> Strings, write: (String) -> Void, read: (QuizField) -> Bool,
        submit: () -> Submission
    ) -> Bool {
        var pending = fields
        while true {
            for field in pending {
                guard read(field) else { return false }
            }
            switch submit() {
            case .answered: return true
            case .stopped: return false
            case .unreadable(let errors):
                // A refusal that names no field (none is known today) asks for all of them again.
                pending = errors.isEmpty ? fields : fields.filter { errors[$0] != nil }
                for field in pending {
                    if let error = errors[field] { Self.error(error, strings: strings()).forEach(write) }
                }
            }
        }
    }

    /// An unreadable answer: the text with a caret under the column, and the message.
    static func error(_ error: AnswerError, strings: Strings) -> [String] {
        [
            "  " + error.input, "  " + String(repeating: " ", count: error.column) + "^",
            "  " + error.message.text(strings.language),
        ]
    }
}

/// `tcptutor quiz --plain`: the quiz as numbered lines, one answer per line from standard input; no ncurses.
public struct PlainQuiz {
    public var session: QuizSession

    public init(session: QuizSession) {
        self.session = session
    }

    /// Asks every question, then prints the summary; ends early when input ends.
    public mutating func run(_ console: PlainConsole) {
        var strings: Strings { Strings(session.language) }
        let write = console.write
        write(
            strings.say(
                "Quiz: \(session.items.count) questions. Answer each field on its own line; 'h' gives a hint "
                    + "(it costs points), '?' lists these, 'q' ends the quiz.",
                "测验：共 \(session.items.count) 题。每栏一行作答；输入 h 获得提示（扣分），输入 ? 查看说明，输入 q 结束测验。"))
        while let item = session.item, let player = session.player, let panel = session.panel {
            write("")
            write(
                strings.say(
                    "\(session.index + 1). \(item.title.text(.en)), step \(item.question.frameIndex + 1): ",
                    "\(session.index + 1). \(item.title.text(.zh))，第 \(item.question.frameIndex + 1) 步：")
                    + QuestionWording.text(
                        for: player.pendingQuiz ?? QuizPoint(fields: panel.fields, line: 0), session.language,
                        from: panel.question.sender, to: panel.question.receiver))
            PlainQuestionText.context(player, strings: strings).forEach(write)
            let answered = PlainQuestionText.answer(
                panel.fields, strings: { strings }, write: write,
                read: { field in
                    guard let answer = ask(field, console) else { return false }
                    session.setAnswer(answer, for: field)
                    return true
                },
                submit: {
                    guard let feedback = session.submitTyped() else { return .unreadable(session.panel?.errors ?? [:]) }
                    PlainQuestionText.feedback(feedback, strings: strings).forEach(write)
                    console.saveProgress(session.progress)
                    session.next()
                    return .answered
                })
            guard answered else { break }
        }
        write("")
        QuizSummaryText.plainLines(session.results, items: session.items, language: session.language).forEach(write)
        console.saveProgress(session.progress)
    }

    /// Reads one field's answer; 'h' prints the next hint and '?' what can be typed, then it asks again (the keys
    /// of the full screen: `?` is help and `h` the hint everywhere). Nil ends the quiz.
    private mutating func ask(_ field: QuizField, _ console: PlainConsole) -> String? {
        while true {
            let strings = Strings(session.language)
            guard let panel = session.panel else { return nil }
            console.write(PlainQuestionText.prompt(field, panel: panel, strings: strings))
            guard let text = console.nextLine() else { return nil }
            if text == "q" { return nil }
            if text == "?" {
                console.write(
                    "  "
                        + strings.say(
                            "Type the answer and Enter; h: a hint (it costs points); q: end the quiz.",
                            "输入答案后按回车；h：提示（扣分）；q：结束测验。"))
                continue
            }
            if text == "h" {
                if session.takeHint(), let level = session.panel?.hint {
                    console.write("  " + strings.hintCost(level, session.scoring))
                    for hint in session.panel?.hintLines ?? [] { console.write("  " + hint.text(strings.language)) }
                } else {
                    console.write("  " + strings.say("No more hints.", "没有更多提示了。"))
                }
                continue
            }
            return text
        }
    }
}
