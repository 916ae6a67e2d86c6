/// What a key does to a question's input panel and its focus, the same in the lesson screen and the quiz run:
/// with the focus, keys edit the fields and Enter submits (Esc gives the focus away); without it, `h` takes a
/// hint and Tab, `a` or `i` take the focus back, and any other key is the screen's.
enum PanelFocus {
    enum Outcome {
        /// The panel or its focus took the key.
        case handled
        /// The student submitted this answer.
        case submitted(QuizAnswer)
        /// The panel does not have the focus and the key is not one of its own: the screen acts on it.
        case notForPanel
    }

    /// The keys that give the focus back to the panel.
    static let focusKeys: Set<Key> = [.character("\t"), .character("a"), .character("A"), .character("i")]

    /// Handles `key` for `panel`; `alsoFocus` are keys that give the focus back on this screen only.
    static func handle(
        _ key: Key, panel: inout QuizPanel, hasFocus: inout Bool, alsoFocus: Set<Key> = []
    ) -> Outcome {
        guard hasFocus else {
            switch key {
            case .character("h"), .character("H"):
                _ = panel.takeHint()
                return .handled
            case _ where focusKeys.contains(key) || alsoFocus.contains(key):
                hasFocus = true
                return .handled
            default:
                return .notForPanel
            }
        }
        switch panel.handle(key) {
        case .edited, .hintTaken, .rejected, .refused:
            return .handled
        case .leave:
            hasFocus = false
            return .handled
        case .submitted(let answer, _):
            return .submitted(answer)
        }
    }
}
