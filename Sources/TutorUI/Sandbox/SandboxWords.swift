import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorSession

/// The sandbox's words, in English and Chinese, for its screen and its plain lines alike.
public struct SandboxWords: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var title: String { pick("Sandbox", "沙盒") }
    func step(_ count: Int) -> String { pick("\(count) steps typed", "已输入 \(count) 步") }
    var prompt: String { "> " }

    /// What a command that ran no step says: a problem at its column, a refused call with its rule, an undo, a
    /// save. Empty for a step that ran (its frame says what happened).
    public func outcome(_ outcome: Sandbox.Outcome, saveFailure: String? = nil) -> [String] {
        switch outcome {
        case .nothing, .stepped, .help, .quit:
            return []
        case .problem(let column, let message):
            return [pick("column \(column): ", "第 \(column) 列：") + message.text(language)]
        case .refused(let refusal):
            return [
                pick("refused, not run: \(refusal.host) \(refusal.call)", "被拒绝，未执行：\(refusal.host) \(refusal.call)"),
                refusal.explanation.text(language),
            ]
        case .undone:
            return [pick("undone: back one step, exactly as it was", "已撤销：退回一步，与之前完全一样")]
        case .nothingToUndo:
            return [pick("nothing to undo: no step was typed yet", "没有可撤销的：还没有输入任何步骤")]
        case .save(let path, _):
            if let saveFailure { return [pick("not saved: \(saveFailure)", "未保存：\(saveFailure)")] }
            return [
                pick(
                    "saved \(path): fill in its en: and zh: lines, then run tcptutor check \(path)",
                    "已保存 \(path)：请填写其中的英文和中文叙述（en 与 zh 行），然后运行 tcptutor check \(path)")
            ]
        }
    }

    /// `quit` with steps not saved: once, before leaving.
    func unsavedOnQuit(_ steps: Int) -> String {
        pick(
            "\(steps) steps typed and not saved: type quit again to leave, or save FILE.lesson first",
            "已输入 \(steps) 步，尚未保存：再次输入 quit 退出，或先用 save FILE.lesson 保存")
    }

    /// A segment a timer put on the wire during a `wait`: the timer says so, with the rule that sent it.
    public func timerSent(_ wire: WireEvent, notation: String) -> String {
        pick(
            "a timer fires: \(wire.from) sends \(notation) (\(RuleText.explanation(wire.sentBecause, .en)))",
            "定时器触发：\(wire.from) 发出 \(notation)（\(RuleText.explanation(wire.sentBecause, .zh))）")
    }

    /// What can be done now, in two lines: the segments in flight each way and the next timer, then the calls
    /// each host's state allows.
    public func choices(_ choices: SandboxChoices) -> [String] {
        let flights = HostID.allCases.map { "\($0)→\($0.peer) \(choices.inFlight[$0])" }
        var wire = pick("in flight ", "在途 ") + flights.joined(separator: pick(", ", "，"))
        if let next = choices.nextTimer {
            wire += pick(" · next timer in ", " · 下一个定时器：") + Sandbox.durationText(next) + pick("", "后")
        }
        let calls = HostID.allCases.map { host in
            let allowed = choices.calls[host]
            return allowed.isEmpty
                ? pick("\(host): no call", "\(host)：无可用调用")
                : "\(host)" + pick(": ", "：") + allowed.joined(separator: " ")
        }
        return [wire, calls.joined(separator: " · ")]
    }

    func candidates(_ words: [String]) -> String { pick("Tab: ", "可选：") + words.joined(separator: "  ") }

    /// The commands, for `help` and the `?` screen.
    public var commandLines: [(key: String, action: String)] {
        [
            ("A listen, A connect", pick("passive / active OPEN", "被动 / 主动打开")),
            ("A send 100, A read [50]", pick("SEND 100 bytes; read what arrived", "发送 100 字节；读取已收到的数据")),
            ("A shutdown, A close, A abort", pick("FIN (half-close); close(); RST", "FIN（半关闭）；close()；RST")),
            ("A > B", pick("deliver the oldest A→B segment", "交付最早的 A→B 报文段")),
            ("drop, duplicate, reorder A > B", pick("lose, copy, swap the oldest", "丢失、复制、交换最早的报文段")),
            ("inject A > B: S 90:90(0)", pick("B receives a forged segment", "B 收到一个伪造的报文段")),
            ("wait 1s", pick("let time pass: timers fire", "让时间流逝：定时器触发")),
            ("undo", pick("back one step, exactly", "退回一步，完全恢复")),
            ("save FILE.lesson", pick("the session as a lesson file", "把本次练习保存为课程文件")),
            ("help, quit", pick("this list; leave", "本列表；退出")),
        ]
    }
}
