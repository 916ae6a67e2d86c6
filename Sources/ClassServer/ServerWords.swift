import TimelineKit
import TutorUI

/// The words the class server writes itself (the instructor's screen, the line that says the class is ending),
/// in the language the SSH session asked for (`LANG`, as a student's tutor takes it: Chinese for `zh…`,
/// English otherwise).
struct ServerWords: Sendable {
    let language: Language

    init(language: Language) {
        self.language = language
    }

    /// The language `LANG` asks for, by the rule the students' tutors follow.
    init(lang: String?) {
        language = (lang ?? "").hasPrefix("zh") ? .zh : .en
    }

    func say(_ english: String, _ chinese: String) -> String { language == .zh ? chinese : english }

    // MARK: The class (self-paced)

    func connected(_ count: Int, limit: Int?) -> String {
        let most = limit.map { say(" (at most \($0))", "（最多 \($0) 名）") } ?? ""
        return say(
            "TCPTutor class: \(count) \(count == 1 ? "student" : "students") connected\(most)",
            "TCPTutor 课堂：\(count) 名学生在线\(most)")
    }

    func seat(_ student: String, since: String, from peer: String) -> String {
        "  " + student.padded(to: 20) + "  " + say("since \(since)  from \(peer)", "自 \(since) 起  来自 \(peer)")
    }

    var nobody: String { say("  (nobody yet)", "  （还没有人）") }

    // MARK: The exam

    /// The exam's size and lessons, in parts the screen may break between.
    func examTitle(_ watch: ExamWatch) -> [String] {
        [
            say("TCPTutor class exam:", "TCPTutor 课堂考试："),
            say(
                "\(watch.questionCount) questions, \(watch.minutesText) minutes;",
                "\(watch.questionCount) 题，\(watch.minutesText) 分钟；"),
            say("lessons \(watch.lessons)", "课程 \(watch.lessons)"),
        ]
    }

    /// "25 students, 17 connected:" and each state with students in it.
    func examCounts(_ counts: ExamCounts) -> [String] {
        var parts = [
            say(
                "\(counts.students) \(counts.students == 1 ? "student" : "students"), \(counts.connected) connected:",
                "\(counts.students) 名学生，\(counts.connected) 人在线：")
        ]
        for state in [ExamStanding.State.left, .notBegun, .answering, .finished, .timeUp] {
            let count = counts.count(state)
            guard count > 0 else { continue }
            parts.append(phrase(state, count))
        }
        if counts.students == 0 { parts.append(say("nobody yet", "还没有人")) }
        return parts
    }

    private func phrase(_ state: ExamStanding.State, _ count: Int) -> String {
        switch state {
        case .left: say("\(count) left mid-exam", "\(count) 人中途离开")
        case .notBegun: say("\(count) not begun", "\(count) 人未开始")
        case .answering: say("\(count) answering", "\(count) 人答题中")
        case .finished: say("\(count) finished", "\(count) 人已完成")
        case .timeUp: say("\(count) time up", "\(count) 人时间到")
        }
    }

    var examHeader: String {
        "  " + say("student", "学生").padded(to: 20) + "  " + say("answers", "已答").padded(to: 8) + "  "
            + say("time left", "剩余时间").padded(to: 9) + "  " + say("state", "状态")
    }

    func examRow(_ standing: ExamStanding) -> String {
        let answers = say("\(standing.answered) of \(standing.questions)", "\(standing.answered)/\(standing.questions)")
        let left: String
        switch standing.state {
        case .answering, .left: left = standing.remaining.map(Self.clock) ?? "-"
        case .timeUp: left = "0:00"
        case .notBegun, .finished: left = "-"
        }
        return "  " + standing.student.padded(to: 20) + "  " + answers.padded(to: 8) + "  " + left.padded(to: 9) + "  "
            + state(standing)
    }

    private func state(_ standing: ExamStanding) -> String {
        var text: String
        switch standing.state {
        case .left:
            // Short enough for an 80-column row with the longest id: the time must not be cut.
            text = say("LEFT", "已离开")
            if let last = standing.lastAnswerAt {
                text += say(", last answer \(Self.timeOfDay(last))", "，最后作答 \(Self.timeOfDay(last))")
            }
        case .notBegun: text = say("at the start screen", "在开始页面")
        case .answering: text = say("answering", "答题中")
        case .finished:
            text = say("finished", "已完成") + (standing.connected ? "" : say(", left", "，已离开"))
        case .timeUp:
            text = say("time up", "时间到") + (standing.connected ? "" : say(", left", "，已离开"))
        }
        if standing.sessions > 1 { text += say(" (\(standing.sessions) sessions)", "（\(standing.sessions) 个会话）") }
        return text
    }

    /// Which rows are shown, when they do not all fit.
    func rows(_ first: Int, _ last: Int, of count: Int) -> String {
        say(
            "  rows \(first)-\(last) of \(count): Up/Down or j/k to scroll",
            "  第 \(first)-\(last) 行，共 \(count) 行：上下键或 j/k 滚动")
    }

    func storeProblem(_ problem: String) -> String {
        say("The class store cannot be read: \(problem)", "无法读取课堂数据：\(problem)")
    }

    // MARK: Every session

    /// A student's last line when the class ends (SIGTERM), after their tutor has saved and ended.
    var classEnding: String {
        say(
            "tcptutor class: the class is ending. Your work is saved; see you next time.",
            "tcptutor class：课堂即将结束。你的学习已保存，下次见。")
    }

    var ending: String { say("The class is ending.", "课堂即将结束。") }
    var keys: String { say("q: leave (the class goes on)", "q：离开（课堂继续）") }
    var plainKeys: String { say("Enter: show again   q: leave (the class goes on)", "回车：再显示一次   q：离开（课堂继续）") }

    /// Minutes and seconds left, rounded up as the students' own clock shows them.
    static func clock(_ milliseconds: Int64) -> String {
        let seconds = (max(0, milliseconds) + 999) / 1000
        return "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }

    /// The server's local time of day, `HH:MM`, of a store time (milliseconds since 1970).
    static func timeOfDay(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}

extension String {
    /// The string with spaces after it to `width` cells on a terminal (longer strings unchanged).
    func padded(to width: Int) -> String {
        let used = TextWidth.of(self)
        return used >= width ? self : self + String(repeating: " ", count: width - used)
    }

    /// The string cut to `width` cells.
    func clipped(to width: Int) -> String {
        var used = 0
        var kept = ""
        for character in self {
            used += TextWidth.of(character)
            if used > width { break }
            kept.append(character)
        }
        return kept
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
