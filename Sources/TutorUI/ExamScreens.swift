import LessonKit
import TimelineKit
import TutorSession

/// Draws an exam: the question with its panel and the countdown, or the closing screen.
public enum ExamRenderer {
    public static func render(_ session: ExamSession, size: Size) -> Canvas {
        let help = session.showsHelp ? helpLines(session) : nil
        return ScreenRenderer.screen(size: size, language: session.language, help: help) { draw(session, &$0, $1) }
    }

    /// The `?` help of the exam's screen on display: the key map that reads its keys.
    static func helpLines(_ session: ExamSession) -> [(key: String, action: String)] {
        let keys: KeyMap<ExamAction>
        switch session.phase {
        case .ready, .resumed: keys = ExamKeys.notice(starting: session.phase == .ready)
        case .answering: return QuizKeys.answerField(exam: true).helpLines(session.language)
        case .paused: keys = ExamKeys.paused
        case .finished: keys = ExamKeys.closed
        }
        return keys.helpLines(session.language)
    }

    private static func draw(_ session: ExamSession, _ canvas: inout Canvas, _ strings: Strings) {
        let area = canvas.bounds
        let title = "\(strings.appName)  \(strings.say("Exam", "考试"))  \(session.sitting.blueprint.studentID)"
        let clock = strings.timeLeft(session.remainingMilliseconds)
        switch session.phase {
        case .ready, .resumed:
            ExamNoticeView(session: session, strings: strings, title: title, status: clock).render(
                in: area, on: &canvas)
            return
        default: break
        }
        guard let panel = session.panel, let player = session.player, let number = session.questionNumber else {
            ExamClosedView(session: session, strings: strings, title: title).render(in: area, on: &canvas)
            return
        }
        let status = strings.say(
            "question \(number) of \(session.questionCount)   \(clock)",
            "第 \(number) 题，共 \(session.questionCount) 题   \(clock)")
        let answering = session.phase == .answering
        var footer = answering ? strings.examFinalNote : strings.examPaused
        if let problem = session.problem { footer = problem }
        let view = QuizPanelView(
            panel: panel,
            question: QuestionWording.text(
                for: QuizPoint(fields: panel.fields, line: 0), strings.language, from: panel.question.sender,
                to: panel.question.receiver),
            hasFocus: answering, strings: strings, footer: footer)
        QuestionStage(
            player: player, strings: strings, title: title, status: status, lower: view,
            lowerHeight: view.height(width: area.width - 2),
            keys: answering
                ? QuizKeys.answerField(exam: true).barItems(strings.language)
                : ExamKeys.paused.barItems(strings.language)
        ).render(in: area, on: &canvas)
    }
}

/// The exam's last screen: closed because every question is answered or because the time is up.
struct ExamClosedView: Widget {
    var session: ExamSession
    var strings: Strings
    var title: String

    func render(in area: Rect, on canvas: inout Canvas) {
        HeaderBar(title: title, status: "").render(
            in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)
        let lines = ExamText.closing(session, strings: strings)
        TextBlock(paragraphs: lines.map { ($0, Ink.strong) }, width: area.width - 4).render(
            in: Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: area.height - 5), on: &canvas)
        KeyBar(keys: ExamKeys.closed.barItems(strings.language)).render(
            in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), on: &canvas)
    }
}

/// The screen before a question: the start screen of a new exam (the clock waits for Enter), or the notice
/// after a resume (the clock has been running).
struct ExamNoticeView: Widget {
    var session: ExamSession
    var strings: Strings
    var title: String
    var status: String

    func render(in area: Rect, on canvas: inout Canvas) {
        HeaderBar(title: title, status: status).render(
            in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)
        let starting = session.phase == .ready
        var paragraphs: [(text: String, ink: Ink)] = []
        if starting {
            paragraphs = ExamText.rules(session, strings: strings).map { ($0, Ink.normal) }
            paragraphs.append((strings.say("Press Enter to begin: the clock starts then.", "按回车键开始：计时从那时开始。"), .strong))
        } else {
            paragraphs = ExamText.resumeNotice(session, strings: strings).map { ($0, Ink.strong) }
            paragraphs.append((strings.say("Press Enter to go on.", "按回车键继续。"), .normal))
        }
        if let problem = session.problem { paragraphs.append((problem, .strong)) }
        var lines: [(text: String, ink: Ink)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append(("", .normal)) }
            lines.append(paragraph)
        }
        TextBlock(paragraphs: lines, width: area.width - 4).render(
            in: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 4), on: &canvas)
        KeyBar(keys: ExamKeys.notice(starting: starting).barItems(strings.language))
            .render(in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), on: &canvas)
    }
}

/// Exam wording shared by the full screen and the plain mode.
public enum ExamText {
    /// What the start screen says: the exam's size and the rules.
    static func rules(_ session: ExamSession, strings: Strings) -> [String] {
        let parameters = session.sitting.blueprint.parameters
        let count = session.questionCount
        let minutes = parameters.minutesText
        let lessons = parameters.lessons.joined(separator: ", ")
        return [
            strings.say(
                "Exam for \(session.sitting.blueprint.studentID): \(count) questions in \(minutes) minutes, "
                    + "from the lessons \(lessons).",
                "\(session.sitting.blueprint.studentID) 的考试：\(minutes) 分钟内回答 \(count) 道题，题目来自课程 \(lessons)。"),
            strings.say(
                "Each question shows a connection up to a hidden segment: type what comes next. "
                    + "There are no hints and no going back: an answer is final once submitted with Enter.",
                "每道题显示一个连接直到一个隐藏的报文段：填写接下来发送的内容。没有提示，不能返回：按回车提交后答案不能修改。"),
            strings.say(
                "When the time runs out, what you have typed is submitted as it stands and the exam closes. "
                    + "Esc pauses typing, not the clock.",
                "时间到时，已输入的内容会按原样提交，考试结束。Esc 暂停输入，但计时不停。"),
            strings.say(
                "Every answer is saved at once. If the exam is cut off, it resumes where you left it when you "
                    + "start it again: the clock runs on.",
                "每个答案都会立即保存。如果考试中断，再次开始时会从中断处继续：计时不停。"),
        ]
    }

    /// What the notice after a resume says.
    static func resumeNotice(_ session: ExamSession, strings: Strings) -> [String] {
        let kept = session.answeredCount
        let left = strings.timeLeft(session.remainingMilliseconds)
        var lines = [
            strings.say(
                "Exam resumed: \(kept) \(kept == 1 ? "answer" : "answers") kept.", "考试已继续：保留了 \(kept) 个答案。"),
            strings.say(
                "The clock ran on while the exam was closed (\(left)).", "考试关闭期间计时没有停止（\(left)）。"),
        ]
        if let number = session.questionNumber {
            lines.append(
                strings.say(
                    "Next: question \(number) of \(session.questionCount).",
                    "下一题：第 \(number) 题，共 \(session.questionCount) 题。"))
        }
        return lines
    }

    static func closing(_ session: ExamSession, strings: Strings) -> [String] {
        var lines: [String] = []
        let timeUp: Bool
        if case .finished(let up) = session.phase { timeUp = up } else { timeUp = false }
        let answered = session.answeredCount
        let count = session.questionCount
        lines.append(
            timeUp
                ? strings.say(
                    "Time is up: the exam is closed. You answered \(answered) of \(count) questions.",
                    "时间到，考试结束。你回答了 \(count) 题中的 \(answered) 题。")
                : strings.say(
                    "The exam is finished: you answered all \(count) questions.", "考试完成：你回答了全部 \(count) 题。"))
        if session.clockSubmitted {
            lines.append(
                strings.say(
                    "The answer you were typing when the time ran out was submitted as it stood.",
                    "时间到时你正在输入的答案已按原样提交。"))
        }
        lines.append(
            strings.say(
                // True of a log file and of the class server's store alike.
                "Your answers are saved; your instructor grades them.", "你的答案已保存，由老师评分。"))
        if let problem = session.problem { lines.append(problem) }
        return lines
    }

    /// The closing lines as plain text.
    public static func plainClosing(_ session: ExamSession) -> [String] {
        closing(session, strings: Strings(session.language))
    }
}

extension ExamSession: FullScreenApp {
    public var isAnimating: Bool { false }
    public var showsClock: Bool { true }
    public func render(size: Size) -> Canvas { ExamRenderer.render(self, size: size) }
}

extension Strings {
    func timeLeft(_ milliseconds: Int64) -> String {
        let seconds = (milliseconds + 999) / 1000
        let text = "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        return say("time left \(text)", "剩余 \(text)")
    }
    var examFinalNote: String {
        say("Answers are final: there is no going back and no hint.", "答案提交后不能修改：不能返回，也没有提示。")
    }
    var examPaused: String {
        say(
            "Typing paused; the clock runs on. Enter: go on. q: leave (the exam resumes where you left it).",
            "已暂停输入，计时继续。回车继续作答；q 离开（考试可从中断处继续）。")
    }
}

/// `tcptutor exam --plain`: the exam as numbered lines, one answer per line; the clock is checked at each,
/// and each answer is written (`perform`) before the next question.
public struct PlainExam {
    public var session: ExamSession
    var readLine: () -> String?
    var write: (String) -> Void
    /// The wall clock, in milliseconds since 1970.
    var now: () -> Int64
    /// Carries out an effect (a log write); the message that says it failed, or nil.
    var perform: (Effect) -> Message?
    /// What is said when the input ends before the exam does; nil for a local exam's words (run the same
    /// command to resume). The class server's exam says its own (`ExamText.leavingTheServer`).
    public var leaving: ((ExamSession) -> [String])?

    public init(
        session: ExamSession, readLine: @escaping () -> String?, write: @escaping (String) -> Void,
        now: @escaping () -> Int64, perform: @escaping (Effect) -> Message?
    ) {
        self.session = session
        self.readLine = readLine
        self.write = write
        self.now = now
        self.perform = perform
    }

    /// Carries out `effects`; a failure goes back to the session, which takes the answer back and says why.
    private mutating func carryOut(_ effects: [Effect]) {
        for effect in effects {
            if let failure = perform(effect) { carryOut(session.update(failure)) }
        }
    }

    public mutating func run() {
        var strings: Strings { Strings(session.language) }
        switch session.phase {
        case .ready:
            // As on the full screen, the clock waits until the student has read the rules.
            ExamText.rules(session, strings: strings).forEach(write)
            write(strings.say("Press Enter to begin: the clock starts then.", "按回车键开始：计时从那时开始。"))
            guard readLine() != nil else {
                if let leaving { return leaving(session).forEach(write) }
                write(strings.say("The exam was not begun: nothing was saved.", "考试没有开始：没有保存任何内容。"))
                return
            }
        case .resumed:
            ExamText.resumeNotice(session, strings: strings).forEach(write)
        default: break
        }
        carryOut(session.update(.time(now())))
        carryOut(session.beginWithoutScreen())
        if let problem = session.problem {
            write(problem)
            return
        }
        while let panel = session.panel, let player = session.player, let number = session.questionNumber {
            write("")
            write(
                "\(number). "
                    + QuestionWording.text(
                        for: QuizPoint(fields: panel.fields, line: 0), session.language, from: panel.question.sender,
                        to: panel.question.receiver)
                    + "  (" + strings.timeLeft(session.remainingMilliseconds) + ")")
            PlainQuestionText.context(player, strings: strings).forEach(write)
            let answered = PlainQuestionText.answer(
                panel.fields, strings: { strings }, write: write,
                read: { field in
                    write(PlainQuestionText.prompt(field, panel: panel, strings: strings))
                    guard let line = readLine() else { return false }
                    session.setAnswer(line, for: field)
                    return true
                },
                submit: {
                    let before = session.answeredCount
                    carryOut(session.update(.time(now())))
                    carryOut(session.submitTyped())
                    if session.answeredCount > before { return .answered }
                    if case .finished = session.phase { return .stopped }
                    if let problem = session.problem {
                        write(problem)
                        return .stopped
                    }
                    return .unreadable(session.panel?.errors ?? [:])
                })
            guard answered else { break }
        }
        carryOut(session.update(.time(now())))
        write("")
        if case .finished = session.phase {
            ExamText.plainClosing(session).forEach(write)
        } else if let leaving {
            leaving(session).forEach(write)
        } else {
            write(
                strings.say(
                    "Input ended; the exam is not finished. Run the same command to resume (the clock runs on).",
                    "输入结束，考试尚未完成。再次运行同一命令即可继续（计时不停）。"))
        }
    }
}
