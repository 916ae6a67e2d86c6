/// The tutor's key maps: the menu, a lesson, and the keys of a lesson's dialogs.
public enum MenuAction: Hashable, Sendable {
    case previous, next, first, last, open, goTo, language, help, quit, closeDialog
}

public enum LessonAction: Hashable, Sendable {
    case next, back, first, last, goTo, tcb, numbering, language, help, leave, closeDialog
}

/// The end-of-lesson summary: `r` answers the questions again, Esc closes it, any other key closes it and acts.
public enum SummaryAction: Hashable, Sendable {
    case retry, close
}

/// `q` with questions left where `q` quits: a second `q` (or Enter) quits, any other key stays.
public enum QuittingAction: Hashable, Sendable {
    case quit
}

public enum TutorKeys {
    public static let summary = KeyMap<SummaryAction>([
        KeyBinding(.retry, Key.letter("r")), KeyBinding(.close, [.escape]),
    ])

    public static let quitting = KeyMap<QuittingAction>([KeyBinding(.quit, Key.letter("q") + [.enter])])

    public static let menu = KeyMap<MenuAction>([
        KeyBinding(.previous, [.up, .pageUp, .left, .character("k")]),
        KeyBinding(
            .next, [.down, .pageDown, .character("j"), .tab], bar: KeyLabel("Up/Down", "choose", "选择"),
            help: KeyLabel("Up, Down, j, k", "choose a lesson", "选择课程")),
        KeyBinding(.first, [.home], help: KeyLabel("Home, End", "first / last lesson", "第一课 / 最后一课")),
        KeyBinding(.last, [.end]),
        KeyBinding(
            .open, [.enter, .right, .space], bar: KeyLabel("Enter", "open", "打开"),
            help: KeyLabel("Enter, Right, Space", "open it where you left it", "打开课程，从上次停下的地方继续")),
        KeyBinding(.goTo, Key.letter("g"), help: KeyLabel("g", "go to a lesson by number", "按编号打开某一课")),
        .languageSwitch(.language),
        KeyBinding(.help, [.help], bar: KeyLabel("?", "help", "帮助")),
        KeyBinding(.quit, Key.letter("q"), bar: KeyLabel("q", "quit", "退出"), help: KeyLabel("q", "quit", "退出")),
        KeyBinding(.closeDialog, [.escape], help: KeyLabel("Esc", "close a dialog", "关闭对话框")),
    ])

    /// A lesson followed from the presenter's steps: no stepping keys, `q` leaves.
    public static let following = KeyMap<LessonAction>(
        lesson(quits: true).bindings.filter { ![.next, .back, .first, .last, .goTo].contains($0.action) })

    /// A lesson's keys; `quits` where `q` leaves the program rather than going back to the menu (a capture or a
    /// lesson opened on its own).
    public static func lesson(quits: Bool) -> KeyMap<LessonAction> {
        let leave =
            quits
            ? (bar: KeyLabel("q", "quit", "退出"), help: KeyLabel("q", "quit", "退出"))
            : (
                bar: KeyLabel("q", "menu", "菜单"),
                help: KeyLabel("q", "back to the menu; in the menu, quit", "返回菜单；在菜单中则退出")
            )
        return KeyMap([
            KeyBinding(
                .next, [.right, .pageDown, .space, .enter], bar: KeyLabel("Space", "next", "下一步"),
                help: KeyLabel("Right, Space, PgDn", "next step (clickers send PageDown)", "下一步（翻页笔发送 PageDown）")),
            KeyBinding(
                .back, [.left, .pageUp, .backspace], bar: KeyLabel("PgUp", "back", "上一步"),
                help: KeyLabel("Left, PgUp", "previous step, exactly as it was", "上一步，完全恢复之前的状态")),
            KeyBinding(.first, [.home], help: KeyLabel("Home, End", "first / last step", "第一步 / 最后一步")),
            KeyBinding(.last, [.end]),
            KeyBinding(
                .goTo, Key.letter("g"), bar: KeyLabel("g", "go to", "跳转"),
                help: KeyLabel("g", "go to a step by number", "按编号跳到某一步")),
            KeyBinding(
                .tcb, Key.letter("t"), bar: KeyLabel("t", "TCB", "TCB"),
                help: KeyLabel("t", "show or hide the TCB", "显示或隐藏 TCB")),
            KeyBinding(
                .numbering, Key.letter("r"), bar: KeyLabel("r", "rel/abs", "编号"),
                help: KeyLabel("r", "relative or absolute numbers", "相对或绝对序列号")),
            .languageSwitch(.language),
            KeyBinding(.help, [.help], bar: KeyLabel("?", "help", "帮助")),
            KeyBinding(.leave, Key.letter("q"), bar: leave.bar, help: leave.help),
            KeyBinding(.closeDialog, [.escape], help: KeyLabel("Esc", "close a dialog", "关闭对话框")),
        ])
    }
}
