import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The quiz score of the lesson open in a session, in the words of the quiz summary (`tcptutor quiz`), so that
/// the full screen, its quit dialog and the lines printed after it all say the same.
public enum SessionQuizScore {
    /// The open lesson's questions as quiz items: what the summary counts as asked.
    static func items(_ session: TutorSession) -> [QuizRunItem] {
        guard let timeline = session.player?.timeline else { return [] }
        return QuizRunItem.items([timeline], everySegment: false)
    }

    static func results(_ session: TutorSession) -> QuizResults {
        var results = QuizResults()
        if let attempt = session.attempt { results.lessons[attempt.lessonID] = attempt }
        return results
    }

    /// The summary's lines; none when the open lesson asks nothing.
    static func lines(_ session: TutorSession, strings: Strings) -> [(text: String, ink: Ink)] {
        let items = items(session)
        guard !items.isEmpty else { return [] }
        return QuizSummaryText.lines(results(session), items: items, strings: strings)
    }

    /// "3 of 10 questions answered, 12 of 15 points", or nil when the open lesson asks nothing.
    static func headline(_ session: TutorSession, strings: Strings) -> String? {
        lines(session, strings: strings).first?.text
    }

    /// The summary as plain lines, to print once the full screen has closed.
    public static func plainLines(_ session: TutorSession) -> [String] {
        lines(session, strings: Strings(session.language)).map(\.text)
    }
}

extension Strings {
    /// The last step's line where `q` quits, with the quiz score when there is a quiz.
    func endQuitting(_ session: TutorSession) -> String {
        let score = SessionQuizScore.headline(session, strings: self).map { say(" Quiz: \($0).", "测验：\($0)。") }
        return say("The end.", "结束。") + (score ?? "") + say(" Press q to quit.", "按 q 退出。")
    }

    var quitTitle: String { say("Quit?", "退出？") }
    var quitHint: String { say("q or Enter: quit; any other key: go on", "q 或回车：退出；其他键：继续") }
}

/// `q` pressed with questions left: the score so far, and how to quit or go on.
struct QuitDialog: Widget {
    var session: TutorSession
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let score = SessionQuizScore.headline(session, strings: strings) ?? ""
        let lines = [strings.say("Quiz so far: ", "目前测验：") + score, strings.quitHint]
        let width = min((lines.map { TextWidth.of($0) }.max() ?? 0) + 4, area.width)
        let box = area.centered(width: width, height: lines.count + 3)
        canvas.fill(box)
        canvas.box(box, ink: .strong, title: strings.quitTitle)
        canvas.write(lines[0], x: box.x + 2, y: box.y + 1, ink: .strong, limit: box.maxX - 1)
        canvas.write(lines[1], x: box.x + 2, y: box.y + 3, ink: .dim, limit: box.maxX - 1)
    }
}

/// The end of a lesson with questions: what was asked and the points, the rules behind the wrong answers, and
/// the keys (retry, next lesson, close).
struct LessonSummaryDialog: Widget {
    var session: TutorSession
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let width = min(area.width - 2, 78)
        let textWidth = width - 4
        var lines: [(text: String, ink: Ink)] = []
        if let headline = SessionQuizScore.headline(session, strings: strings) {
            lines.append((headline, .strong))
        }
        let missed = session.missedRules
        if missed.isEmpty {
            if !session.answers.isEmpty { lines.append((strings.say("Every answer right.", "全部答对。"), .normal)) }
        } else {
            lines.append((strings.say("To go over again:", "需要再看看的规则："), .normal))
            for rule in missed {
                // The rule's one sentence and its section: what to read again, not the whole explanation.
                let text = RuleText.explanation(rule, strings.language)
                let wrapped = TextWrap.lines(text, width: textWidth - 2)
                lines += wrapped.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }.map { ($0, .normal) }
            }
        }
        lines.append(("", .normal))
        lines.append((strings.summaryKeys(hasNext: session.hasNextLesson, quits: session.quitsFromLesson), .dim))
        let shown = Array(lines.prefix(max(area.height - 4, 1)))
        let box = area.centered(width: width, height: shown.count + 2)
        canvas.fill(box)
        canvas.box(box, ink: .strong, title: strings.say("Lesson finished", "本课结束"))
        for (offset, line) in shown.enumerated() {
            canvas.write(line.text, x: box.x + 2, y: box.y + 1 + offset, ink: line.ink, limit: box.maxX - 1)
        }
    }
}

extension Strings {
    /// The keys of the end-of-lesson summary.
    func summaryKeys(hasNext: Bool, quits: Bool) -> String {
        var keys = [say("r retry the questions", "r 重做本课测验")]
        if hasNext { keys.append(say("→ next lesson", "→ 下一课")) }
        keys.append(say("Esc close", "Esc 关闭"))
        keys.append(quits ? say("q quit", "q 退出") : say("q menu", "q 菜单"))
        return keys.joined(separator: say(" · ", " · "))
    }
}
