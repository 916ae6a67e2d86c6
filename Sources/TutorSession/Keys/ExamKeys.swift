/// What a key does on an exam's screens around its questions (the answer fields have `QuizKeys.answerField`).
public enum ExamAction: Hashable, Sendable {
    /// Enter: begin, go on, or back to typing.
    case goOn
    case language, help
    /// Leave the program; starting the exam again (the same command, or logging in to the class server again)
    /// resumes it, its clock running on.
    case leave
}

public enum ExamKeys {
    /// `q` before the exam is over: the exam is not lost.
    static let resumeLater = KeyLabel("q", "leave (the exam resumes where you left it)", "离开（考试可从中断处继续）")

    /// The start screen (`starting`) or the notice after a resume.
    public static func notice(starting: Bool) -> KeyMap<ExamAction> {
        KeyMap([
            KeyBinding(
                .goOn, [.enter],
                bar: starting ? KeyLabel("Enter", "begin", "开始") : KeyLabel("Enter", "go on", "继续"),
                help: starting
                    ? KeyLabel("Enter", "begin: the clock starts then", "开始：计时从那时开始")
                    : KeyLabel("Enter", "go on to the next question", "继续下一题")),
            .languageSwitch(.language),
            .helpScreen(.help),
            KeyBinding(
                .leave, Key.letter("q") + [.escape], bar: KeyLabel("q", "leave", "离开"),
                help: resumeLater),
        ])
    }

    /// Typing paused with Esc (the clock runs on).
    public static let paused = KeyMap<ExamAction>([
        .helpScreen(.help),
        KeyBinding(
            .goOn, [.enter, .tab, .escape], bar: KeyLabel("Enter", "go on", "继续"),
            help: KeyLabel("Enter, Tab", "back to typing", "继续输入")),
        .languageSwitch(.language),
        KeyBinding(.leave, Key.letter("q"), bar: KeyLabel("q", "leave", "离开"), help: resumeLater),
    ])

    /// The closing screen.
    public static let closed = KeyMap<ExamAction>([
        KeyBinding(
            .leave, Key.letter("q") + [.enter, .escape], bar: KeyLabel("q", "quit", "退出"),
            help: KeyLabel("q, Enter", "quit", "退出")),
        .helpScreen(.help),
    ])
}
