import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The picture of one question outside the lesson screen (quiz runs and exams): header, the two hosts, the
/// wire, the ladder so far, and a lower widget (the panel, the feedback) above the key bar.
struct QuestionStage: Widget {
    var player: LessonPlayer
    var strings: Strings
    var title: String
    var status: String
    var lower: any Widget
    var lowerHeight: Int
    var keys: [(key: String, action: String)]

    func render(in area: Rect, on canvas: inout Canvas) {
        let timeline = player.timeline
        let numbering = timeline.numbering
        HeaderBar(title: title, status: status).render(
            in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)
        let stage = HostsAndWire(player: player, numbering: numbering, showsTCB: false, strings: strings)
        let keyBarY = area.maxY - 1
        let ladderTop = stage.render(in: area, top: area.y + 2, on: &canvas) + 1
        let room = keyBarY - ladderTop - 1
        stage.renderLadder(
            andLower: lower, lowerHeight: min(lowerHeight, room + 1), in: area, top: ladderTop, bottom: keyBarY,
            on: &canvas)
        KeyBar(keys: keys).render(in: Rect(x: area.x, y: keyBarY, width: area.width, height: 1), on: &canvas)
    }
}

/// Draws a quiz run: the question with its panel, the feedback, or the summary.
public enum QuizRenderer {
    public static func render(_ session: QuizSession, size: Size) -> Canvas {
        let help = session.showsHelp ? helpLines(session) : nil
        return ScreenRenderer.screen(size: size, language: session.language, help: help) { draw(session, &$0, $1) }
    }

    private static func draw(_ session: QuizSession, _ canvas: inout Canvas, _ strings: Strings) {
        let area = canvas.bounds
        NoticeLine(notice: session.notice, strings: strings).render(in: area, on: &canvas)
        guard let item = session.item, let player = session.player else {
            QuizSummaryView(results: session.results, items: session.items, strings: strings)
                .render(in: area, on: &canvas)
            return
        }
        let title = "\(strings.appName)  \(strings.say("Quiz", "测验"))  \(item.title.text(strings.language))"
        let status = strings.say(
            "question \(session.index + 1) of \(session.items.count)",
            "第 \(session.index + 1) 题，共 \(session.items.count) 题")
        let width = area.width - 2
        switch session.phase {
        case .feedback(let focus):
            let view = FeedbackView(focus: focus, strings: strings)
            QuestionStage(
                player: player, strings: strings, title: title, status: status, lower: view,
                lowerHeight: view.height(width: width),
                keys: QuizKeys.feedback(inLesson: false).barItems(strings.language)
            ).render(in: area, on: &canvas)
        case .asking, .summary:
            guard let panel = session.panel else { return }
            let view = QuizPanelView(
                panel: panel,
                question: QuestionWording.text(
                    for: player.pendingQuiz ?? QuizPoint(fields: panel.fields, line: 0), strings.language,
                    from: panel.question.sender, to: panel.question.receiver),
                hasFocus: session.panelHasFocus, strings: strings, scoring: session.scoring,
                footer: session.panelHasFocus ? nil : strings.quizAway)
            QuestionStage(
                player: player, strings: strings, title: title, status: status, lower: view,
                lowerHeight: view.height(width: width),
                keys: session.panelHasFocus
                    ? QuizKeys.answerField(exam: false).barItems(strings.language)
                    : QuizKeys.question(inLesson: false).barItems(strings.language)
            ).render(in: area, on: &canvas)
        }
    }

    /// The `?` help of the screen on display, from its key maps.
    static func helpLines(_ session: QuizSession) -> [(key: String, action: String)] {
        let language = session.language
        switch session.phase {
        case .asking:
            return QuizKeys.question(inLesson: false).helpLines(language)
                + QuizKeys.answerField(exam: false).helpLines(language)
        case .feedback: return QuizKeys.feedback(inLesson: false).helpLines(language)
        case .summary: return QuizKeys.results.helpLines(language)
        }
    }
}

/// The end of a quiz run: points per lesson and right answers per kind of question.
struct QuizSummaryView: Widget {
    var results: QuizResults
    var items: [QuizRunItem]
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        HeaderBar(title: "\(strings.appName)  \(strings.say("Quiz results", "测验结果"))", status: "").render(
            in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)
        var y = area.y + 2
        for line in QuizSummaryText.lines(results, items: items, strings: strings) where y < area.maxY - 1 {
            canvas.write(line.text, x: area.x + 2, y: y, ink: line.ink, limit: area.maxX - 1)
            y += 1
        }
        KeyBar(keys: QuizKeys.results.barItems(strings.language)).render(
            in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), on: &canvas)
    }
}

/// The summary's lines, shared by the full screen and the plain mode.
public enum QuizSummaryText {
    static func lines(_ results: QuizResults, items: [QuizRunItem], strings: Strings) -> [(text: String, ink: Ink)] {
        var lines: [(text: String, ink: Ink)] = []
        var seen: Set<String> = []
        let total = items.count
        let answered = results.lessons.values.reduce(0) { $0 + $1.questions }
        lines.append(
            (
                strings.say(
                    "\(answered) of \(total) questions answered, \(results.points) of \(results.possible) points",
                    "共 \(total) 题，已答 \(answered) 题，得分 \(results.points)/\(results.possible)"), .strong
            ))
        lines.append(("", .normal))
        lines.append((strings.say("By lesson:", "按课程："), .strong))
        for item in items where seen.insert(item.timeline.lessonID).inserted {
            guard let summary = results.lessons[item.timeline.lessonID] else { continue }
            let title = item.title.text(strings.language)
            lines.append(
                (
                    strings.say(
                        "  \(title): \(summary.allCorrect) of \(summary.questions) all right, "
                            + "\(summary.points) of \(summary.possible) points",
                        "  \(title)：\(summary.questions) 题中全对 \(summary.allCorrect) 题，得分 \(summary.points)/\(summary.possible)"
                    ),
                    .normal
                ))
        }
        lines.append(("", .normal))
        lines.append((strings.say("By kind of question:", "按题型："), .strong))
        for (kind, tally) in results.byKind.sorted(by: { $0.key < $1.key }) {
            let name = strings.fieldName(QuizField(rawValue: kind.rawValue) ?? .flags)
            lines.append(
                (
                    strings.say(
                        "  \(name): \(tally.correct) of \(tally.asked) right",
                        "  \(name)：\(tally.asked) 次中答对 \(tally.correct) 次"), .normal
                ))
        }
        return lines
    }

    /// The summary as plain lines.
    public static func plainLines(_ results: QuizResults, items: [QuizRunItem], language: Language) -> [String] {
        lines(results, items: items, strings: Strings(language)).map(\.text)
    }
}
