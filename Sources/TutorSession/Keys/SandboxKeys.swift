import TimelineKit

/// What a key does in the sandbox. Most keys type into the command line; these steer it.
public enum SandboxAction: Hashable, Sendable {
    case run, complete, clear, earlier, later, left, right, home, end, deleteBackward, deleteForward, quit
    /// Only on an empty command line, where no command starts with these letters.
    case tcb, language, help
}

/// The sandbox's keys: the command line's (always), and three letters that act only while the line is empty
/// (no command starts with `t`, `l` or `?`, so nothing typed is lost to them).
public enum SandboxKeys {
    public static let line = KeyMap<SandboxAction>(
        [
            KeyBinding(
                .run, [.enter], bar: KeyLabel(keys: LocalizedText(en: "Enter", zh: "回车"), "run", "执行"),
                help: KeyLabel("Enter", "run the command", "执行命令")),
            KeyBinding(
                .complete, [.tab], bar: KeyLabel("Tab", "complete", "补全"),
                help: KeyLabel("Tab", "complete the word (the choices show when several fit)", "补全当前单词（有多个可选时列出）")),
            KeyBinding(
                .earlier, [.up], bar: KeyLabel("Up", "earlier", "上一条"),
                help: KeyLabel("Up, Down", "the commands typed before", "之前输入过的命令")),
            KeyBinding(.later, [.down]),
            KeyBinding(
                .left, [.left], help: KeyLabel("Left, Right, Home, End", "move in the line", "在命令行中移动光标")),
            KeyBinding(.right, [.right]),
            KeyBinding(.home, [.home]),
            KeyBinding(.end, [.end]),
            KeyBinding(
                .deleteBackward, [.backspace],
                help: KeyLabel("Backspace, Delete", "erase before / at the cursor", "删除光标前 / 光标处的字符")),
            KeyBinding(.deleteForward, [.delete]),
            KeyBinding(
                .clear, [.escape], help: KeyLabel("Esc", "clear the line, or close this help", "清空命令行，或关闭本帮助")),
            KeyBinding(
                .quit, [.interrupt], bar: KeyLabel("Ctrl-C", "quit", "退出"),
                help: KeyLabel("Ctrl-C, quit", "leave the sandbox", "退出沙盒")),
        ], barOrder: [.run, .complete, .earlier, .quit])

    public static let emptyLine = KeyMap<SandboxAction>(
        [
            KeyBinding(
                .tcb, Key.letter("t"), bar: KeyLabel("t", "TCB", "TCB"),
                help: KeyLabel("t", "on an empty line: show or hide each host's TCB", "命令行为空时：显示或隐藏两台主机的TCB")),
            KeyBinding(
                .language, Key.letter("l"), bar: .otherLanguage,
                help: KeyLabel("l", "on an empty line: English / Chinese", "命令行为空时：英文 / 中文")),
            KeyBinding(
                .help, [.help], bar: KeyLabel("?", "help", "帮助"),
                help: KeyLabel("?", "on an empty line: this help", "命令行为空时：本帮助")),
        ])

    /// What `key` does with the command line holding `text`; nil when it is typed.
    public static func action(for key: Key, lineIsEmpty: Bool) -> SandboxAction? {
        (lineIsEmpty ? emptyLine.action(for: key) : nil) ?? line.action(for: key)
    }
}
