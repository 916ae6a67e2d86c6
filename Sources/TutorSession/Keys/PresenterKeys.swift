import TimelineKit

/// What a key does on the projector screen.
public enum PresenterAction: Hashable, Sendable {
    case next, back, reveal, blank, goTo, first, last, language, help, quit
}

/// The presenter's keys: a clicker's (PageDown, PageUp, its blank button) and the keyboard's.
public enum PresenterKeys {
    public static let map = KeyMap<PresenterAction>(
        [
            KeyBinding(
                .next, [.right, .pageDown, .space, .down],
                bar: KeyLabel(keys: LocalizedText(en: "PgDn/Space", zh: "PgDn/空格"), "next", "下一步"),
                help: KeyLabel("PgDn, Right, Space", "next step (clickers send PageDown)", "下一步（翻页笔发送 PageDown）")),
            KeyBinding(
                .back, [.left, .pageUp, .up, .backspace], bar: KeyLabel("PgUp", "back", "上一步"),
                help: KeyLabel("PgUp, Left", "previous step, exactly as it was", "上一步，完全恢复之前的状态")),
            KeyBinding(
                .reveal, [.enter], bar: KeyLabel(keys: LocalizedText(en: "Enter", zh: "回车"), "reveal", "揭晓"),
                help: KeyLabel("Enter", "reveal a quiz answer, or next step", "揭晓测验答案，或下一步")),
            // What clickers send for their blank-screen button.
            KeyBinding(
                .blank, Key.letter("b") + [.character(".")], bar: KeyLabel("b", "blank", "黑屏"),
                help: KeyLabel("b", "blank the screen; any key brings it back", "黑屏；按任意键恢复")),
            KeyBinding(
                .goTo, Key.letter("g"), bar: KeyLabel("g", "go to", "跳转"),
                help: KeyLabel("g", "go to a step by number", "按编号跳到某一步")),
            KeyBinding(.first, [.home], help: KeyLabel("Home, End", "first / last step", "第一步 / 最后一步")),
            KeyBinding(.last, [.end]),
            .languageSwitch(.language),
            KeyBinding(.quit, Key.letter("q"), bar: KeyLabel("q", "quit", "退出"), help: KeyLabel("q", "quit", "退出")),
            KeyBinding(.help, [.help], bar: KeyLabel("?", "keys", "按键")),
        ], barOrder: [.next, .back, .reveal, .blank, .goTo, .quit, .help, .language])
}
