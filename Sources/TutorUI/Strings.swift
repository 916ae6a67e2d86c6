import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// Every piece of interface text, in English and Chinese.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func pick(_ en: String, _ zh: String) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    var appName: String { "TCPTutor" }
    var lessonsHeading: String { pick("Lessons", "课程") }
    var notStarted: String { pick("not started", "未开始") }
    var loading: String { pick("loading", "载入中") }
    func atStep(_ step: Int, of count: Int) -> String { pick("at step \(step) of \(count)", "第 \(step)/\(count) 步") }
    var done: String { pick("done", "已完成") }
    func doneWithScore(_ score: QuizScore) -> String {
        pick("done, quiz ", "已完成，测验") + score.text(language)
    }
    /// Lessons scrolled off the top of the menu (ASCII marks: arrows are ambiguous width in CJK terminals).
    func moreAbove(_ count: Int) -> String {
        pick(count == 1 ? "^ 1 more lesson above" : "^ \(count) more lessons above", "^ 上面还有 \(count) 课")
    }
    /// Lessons scrolled off the bottom of the menu.
    func moreBelow(_ count: Int) -> String {
        pick(count == 1 ? "v 1 more lesson below" : "v \(count) more lessons below", "v 下面还有 \(count) 课")
    }
    var cannotLoad: String { pick("cannot be loaded", "无法载入") }
    var noLessons: String {
        pick(
            "No lessons were found. Lessons are .lesson files in the Lessons folder.",
            "没有找到课程。课程是 Lessons 文件夹中的 .lesson 文件。")
    }
    func step(_ step: Int, of count: Int) -> String { pick("Step \(step) of \(count)", "第 \(step) 步，共 \(count) 步") }
    public func numbering(_ numbering: Numbering) -> String {
        switch numbering {
        case .absolute: pick("absolute numbers", "绝对序列号")
        case .relative: pick("relative numbers", "相对序列号")
        }
    }
    var noTCB: String { pick("no TCB", "无 TCB") }
    var ladderHeading: String { pick("segments so far", "已发送的报文段") }
    func earlier(_ count: Int) -> String { pick("... \(count) earlier", "…… 之前还有 \(count) 个") }
    public var lost: String { pick("lost", "丢失") }
    var fromOutside: String { pick("from outside the connection", "来自连接之外") }
    public var duplicated: String { pick("duplicated", "被复制") }
    public var onItsWay: String { pick("on its way", "在途中") }
    public func error(_ error: EndpointError) -> String {
        pick("error: \(error.wording.en)", "错误：\(error.wording.zh)")
    }
    var quizHeading: String { pick("Quiz:", "测验：") }
    var revealHint: String { pick("Press Space to see the answer.", "按空格键查看答案。") }
    /// A student following a presenter: the presenter steps and reveals.
    var followingPresenter: String { pick("following the instructor", "跟随老师") }
    var presenterReveals: String { pick("The instructor reveals the answer.", "答案由老师揭晓。") }
    var answerSent: String {
        pick(
            "Your answer is sent. It is graded here when the instructor reveals the answer.",
            "你的答案已提交。老师揭晓答案后，这里会给出评分。")
    }
    var endOfLesson: String { pick("End of the lesson. Press q for the menu.", "本课结束。按 q 返回菜单。") }
    var endOfLessonWithNext: String {
        pick("End of the lesson. Space: the next lesson; q: the menu.", "本课结束。空格：下一课；q：返回菜单。")
    }
    public func call(_ host: HostID, _ call: UserCall) -> String {
        let name: String =
            switch call {
            case .listen: pick("listen()", "listen()：被动打开")
            case .connect: pick("connect()", "connect()：主动打开")
            case .send(let count): pick("send \(count) bytes", "发送 \(count) 字节")
            case .sendMore(let count): pick("send \(count) bytes, more to come", "发送 \(count) 字节（还有后续）")
            case .read(let count): count.map { pick("read \($0) bytes", "读取 \($0) 字节") } ?? pick("read", "读取")
            case .shutdown: pick("shutdown(SHUT_WR)", "shutdown(SHUT_WR)：半关闭")
            case .close: pick("close()", "close()：关闭")
            case .abort: pick("abort (RST)", "异常终止（RST）")
            }
        return "\(host): \(name)"
    }
    public func wait(_ milliseconds: UInt64) -> String {
        let whole = milliseconds % 1000 == 0
        let en = whole ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
        let zh = whole ? "\(milliseconds / 1000) 秒" : "\(milliseconds) 毫秒"
        return pick("\(en) pass", "经过 \(zh)")
    }
    /// What a step did when it was a call or time passing; nil for anything else.
    func stepEvent(_ event: FrameEvent) -> String? {
        switch event {
        case .call(let host, let userCall): call(host, userCall)
        case .wait(let milliseconds) where milliseconds > 0: wait(milliseconds)
        case .wait, .start, .segment, .say, .reorder: nil
        }
    }
    public var start: String { pick("start", "开始") }
    func inFlight(_ count: Int) -> String { pick("\(count) in flight", "\(count) 个在途") }

    func tooSmall(_ size: Size) -> String {
        pick(
            "TCPTutor needs a window of at least \(Size.minimum.width)x\(Size.minimum.height) cells; this one is "
                + "\(size.width)x\(size.height). Please make it larger, or press q to quit.",
            "TCPTutor 需要至少 \(Size.minimum.width)x\(Size.minimum.height) 的窗口，当前为 \(size.width)x\(size.height)。"
                + "请放大窗口，或按 q 退出。")
    }

    var helpTitle: String { pick("Keys", "按键") }
    /// The lesson's `?` lines (the plain mode prints them).
    var helpLines: [(key: String, action: String)] { TutorKeys.lesson(quits: false).helpLines(language) }
    var helpClose: String { pick("Press any key to close.", "按任意键关闭。") }
    var jumpTitle: String { pick("Go to step", "跳转到") }
    func jumpPrompt(_ count: Int) -> String { pick("Step (1-\(count)):", "步骤（1-\(count)）：") }
    var jumpHint: String { pick("Enter go, Esc cancel", "回车确定，Esc 取消") }
}

/// Punctuation of plain lines: full-width in Chinese, where a line reads as a sentence.
extension Strings {
    /// Ends a part of a plain line: `Step 2 of 4. `, `第 2 步，共 4 步。`.
    var partStop: String { pick(". ", "。") }
    /// Ends a plain line.
    var lineStop: String { pick(".", "。") }
    /// Between the items of a list: `A: SYN_SENT, B: CLOSED`.
    var listGap: String { pick(", ", "，") }
    /// After a label: `A: SYN_SENT`, `A：SYN_SENT`.
    var labelColon: String { pick(": ", "：") }
    /// A remark in brackets after a word: ` (lost)`, `（丢失）`.
    func aside(_ text: String) -> String { pick(" (\(text))", "（\(text)）") }
    /// The hosts' states: `A: SYN_SENT, B: CLOSED`, `A：SYN_SENT，B：CLOSED`.
    func states(_ state: (HostID) -> ConnectionState) -> String {
        HostID.allCases.map { "\($0)\(labelColon)\(state($0))" }.joined(separator: listGap)
    }
}

extension Strings {
    var plainReveal: String { pick("Press Enter to see the answer.", "按回车键查看答案。") }
    var plainEnd: String { pick("End of the lesson. Type q for the menu.", "本课结束。输入 q 返回菜单。") }
    var plainEndWithNext: String {
        pick("End of the lesson. Enter: the next lesson; q: the menu.", "本课结束。回车：下一课；q：返回菜单。")
    }
    var plainMenuPrompt: String {
        pick(
            "Type a lesson number and Enter (Enter alone: the first; q: quit; l: 中文).",
            "输入课程编号后回车（直接回车：第一课；q：退出；l：English）。")
    }
    var plainLessonKeys: String {
        pick(
            "Enter: next step. b: back. A number: go to that step. t: TCB. r: numbers. l: 中文. q: menu. ?: help.",
            "回车：下一步。b：上一步。数字：跳到该步。t：TCB。r：相对/绝对序列号。l：English。q：菜单。?：帮助。")
    }
    var plainNothing: String { pick("(nothing more this way)", "（已无法继续）") }
}
