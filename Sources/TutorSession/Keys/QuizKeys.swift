/// The keys of a question: its answer fields, the question while the fields are left, and the feedback.
public enum FieldAction: Hashable, Sendable {
    case nextField, previousField, cursorLeft, cursorRight, cursorStart, cursorEnd, eraseBackward, eraseForward
    /// Enter: the next empty field, or submit.
    case enter
    /// Esc: give the keys back to the screen (pause typing in an exam).
    case leave
    case help
    /// Not a key: the help's line on what typing does in the flags field.
    case type
}

/// A question whose answer fields do not have the keys.
public enum QuestionAction: Hashable, Sendable {
    case answer, hint, skip, back, language, help, leave
}

/// Feedback on an answer.
public enum FeedbackAction: Hashable, Sendable {
    case previousField, nextField, goOn, language, help, leave
}

public enum QuizKeys {
    /// The keys of the answer fields, which have the keys while a question is answered. Every other character
    /// is text: a letter that is an action elsewhere (`h`, `q`, `l`) types itself here, so an answer may
    /// contain any letter. `?` is no answer's character, so it opens the help here as everywhere.
    public static func answerField(exam: Bool) -> KeyMap<FieldAction> {
        let leave = exam ? KeyLabel("Esc", "pause typing", "暂停输入") : KeyLabel("Esc", "leave the quiz", "离开测验")
        return KeyMap(
            [
                KeyBinding(
                    .nextField, [.tab, .down], bar: KeyLabel("Tab", "next field", "下一栏"),
                    help: KeyLabel("Tab, Shift-Tab", "answer panel: next / previous field", "答题框：下一栏 / 上一栏")),
                KeyBinding(.previousField, [.up, .backTab], bar: KeyLabel("S-Tab", "previous", "上一栏")),
                KeyBinding(
                    .cursorLeft, [.left],
                    help: KeyLabel("Left, Right, Home, End", "in an answer: move the cursor", "答案中：移动光标")),
                KeyBinding(.cursorRight, [.right]),
                KeyBinding(.cursorStart, [.home]),
                KeyBinding(.cursorEnd, [.end]),
                KeyBinding(
                    .eraseBackward, [.backspace],
                    help: KeyLabel(
                        "Backspace, Delete", "in an answer: erase before / at the cursor", "答案中：删除光标前 / 光标处的字")),
                KeyBinding(.eraseForward, [.delete]),
                KeyBinding(
                    .type, [],
                    help: KeyLabel("S A F R P U", "flags: type letters or names, in any order", "标志位：按任意顺序输入字母或名称")),
                KeyBinding(.enter, [.enter], bar: KeyLabel("Enter", "next/submit", "下一栏/提交")),
                KeyBinding(
                    .leave, [.escape], bar: leave,
                    help: exam ? KeyLabel("Esc", "pause typing (the clock runs on)", "暂停输入（计时不停）") : nil),
                KeyBinding(.help, [.help], bar: KeyLabel("?", "help", "帮助")),
            ], barOrder: [.nextField, .enter, .help, .leave, .previousField])
    }

    /// A question whose fields gave the keys away (Esc). In a lesson, skipping and going back are the lesson's
    /// own step keys and `q` goes where it goes in the lesson; in a quiz run Enter answers too (there is no step
    /// for it to take) and `q` ends the run with its results.
    public static func question(inLesson: Bool, quits: Bool = false) -> KeyMap<QuestionAction> {
        var bindings: [KeyBinding<QuestionAction>] = [
            KeyBinding(
                .answer, [.tab, .character("a"), .character("A"), .character("i")] + (inLesson ? [] : [.enter]),
                bar: KeyLabel("Tab", "answer", "作答"),
                help: KeyLabel("Tab, a, i", "at a question, after Esc: answer again", "答题时按 Esc 之后：继续作答")),
            KeyBinding(
                .hint, Key.letter("h"), bar: KeyLabel("h", "hint", "提示"),
                help: KeyLabel("h", "at a question, after Esc: a hint (costs points)", "答题时按 Esc 之后：提示（扣分）")),
        ]
        if inLesson {
            bindings += [
                KeyBinding(.skip, [.right, .pageDown, .space, .enter], bar: KeyLabel("Space", "skip", "跳过")),
                KeyBinding(.back, [.left, .pageUp, .backspace], bar: KeyLabel("PgUp", "back", "上一步")),
                KeyBinding(.language, Key.letter("l"), bar: .otherLanguage),
                .helpScreen(.help),
                KeyBinding(
                    .leave, Key.letter("q"), bar: quits ? KeyLabel("q", "quit", "退出") : KeyLabel("q", "menu", "菜单")),
            ]
        } else {
            bindings += [
                KeyBinding(
                    .skip, [.right, .pageDown, .space], bar: KeyLabel("Space", "skip", "跳过"),
                    help: KeyLabel("Space", "skip the question (scored as no answer)", "跳过本题（按未作答计分）")),
                .languageSwitch(.language),
                .helpScreen(.help),
                KeyBinding(
                    .leave, Key.letter("q"), bar: KeyLabel("q", "results", "结果"),
                    help: KeyLabel("q", "stop: the results so far", "结束：查看目前的结果")),
            ]
        }
        return KeyMap(bindings)
    }

    /// Feedback on an answer: each field's explanation, then on. In a lesson Esc goes on too, and any other key
    /// goes on and acts as a lesson key; in a quiz run `l` and `q` are its own.
    public static func feedback(inLesson: Bool) -> KeyMap<FeedbackAction> {
        var bindings: [KeyBinding<FeedbackAction>] = [
            KeyBinding(
                .previousField, [.up, .backTab],
                help: KeyLabel("Up, Down", "feedback: explain another field", "反馈：查看另一栏的解释")),
            KeyBinding(.nextField, [.down, .tab], bar: KeyLabel("Up/Down", "explain a field", "查看各栏解释")),
            KeyBinding(
                .goOn, [.right, .pageDown, .space, .enter] + (inLesson ? [.escape] : []),
                bar: KeyLabel("Space", "go on", "继续")),
        ]
        if !inLesson {
            bindings += [
                KeyBinding(.language, Key.letter("l"), help: .languageHelp),
                .helpScreen(.help),
                KeyBinding(.leave, Key.letter("q"), help: KeyLabel("q", "stop: the results so far", "结束：查看目前的结果")),
            ]
        }
        return KeyMap(bindings)
    }
}

/// The end of a quiz run or an exam: the results or the closing words.
public enum ClosingAction: Hashable, Sendable {
    case language, help, quit
}

extension QuizKeys {
    /// The quiz run's results.
    public static let results = KeyMap<ClosingAction>([
        KeyBinding(
            .quit, Key.letter("q") + [.enter, .escape, .space], bar: KeyLabel("q", "quit", "退出"),
            help: KeyLabel("q, Enter", "quit", "退出")),
        .languageSwitch(.language),
        .helpScreen(.help),
    ])
}
