/// What a key does to a question's input panel and its focus, the same in the lesson screen and the quiz run:
/// with the focus, keys edit the fields and Enter submits (Esc gives the focus away, `?` is the screen's help);
/// without it, the question's key map decides: `h` takes a hint, Tab, `a` or `i` take the focus back, and any
/// other key is the screen's.
enum PanelFocus {
    enum Outcome {
        /// The panel or its focus took the key.
        case handled
        /// The student submitted this answer.
        case submitted(QuizAnswer)
        /// The key is not the panel's: the screen acts on it (its help, a step, a language).
        case notForPanel
    }

    /// Handles `key` for `panel`, reading the keys of a question without focus from `keys`.
    static func handle(
        _ key: Key, panel: inout QuizPanel, hasFocus: inout Bool, keys: KeyMap<QuestionAction>
    ) -> Outcome {
        guard hasFocus else {
            switch keys.action(for: key) {
            case .hint:
                _ = panel.takeHint()
                return .handled
            case .answer:
                hasFocus = true
                return .handled
            case .skip, .back, .language, .help, .leave, nil:
                return .notForPanel
            }
        }
        switch panel.handle(key) {
        case .edited, .rejected, .refused:
            return .handled
        case .leave:
            hasFocus = false
            return .handled
        case .help:
            return .notForPanel
        case .submitted(let answer, _):
            return .submitted(answer)
        }
    }
}
