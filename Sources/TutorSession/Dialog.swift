/// A small window over the screen that takes the keys until it closes: the tutor's and the presenter's.
public enum Dialog: Hashable, Sendable {
    case help
    /// Entering a step number (a lesson number in the menu); `digits` is what was typed so far.
    case jump(digits: String)
    /// `q` pressed with questions still unanswered where `q` quits: the score so far, and a second `q`.
    case quitting
    /// The end of a lesson with questions: what was asked, the points, the rules missed; `r` retries.
    case summary
}

/// Typing a number into the go-to dialog, the same in the tutor and the presenter: digits (six at most),
/// Backspace or ← to take one back, Esc or `q` to close, Enter to go, and a clicker's PageDown/PageUp leave the
/// dialog and step, since a clicker knows no other keys.
enum GoToTyping {
    enum Outcome: Hashable {
        /// The digits typed so far, after this key.
        case typing(String)
        case close
        /// Close the dialog and let the key act on the screen behind it.
        case closeAndAct
        /// Go to this number (1-based), which is in the range.
        case go(Int)
        /// Enter on a number outside the range (the digits, empty when nothing was typed).
        case refuse(String)
        case ignore
    }

    enum Action: Hashable, Sendable {
        case go, erase, close, stepAway
    }

    /// The dialog's keys; a digit is typed, any other key does nothing.
    static let keys = KeyMap<Action>([
        KeyBinding(.go, [.enter]),
        KeyBinding(.close, [.escape] + Key.letter("q")),
        KeyBinding(.erase, [.backspace, .left]),
        KeyBinding(.stepAway, [.pageDown, .pageUp]),
    ])

    static func outcome(_ digits: String, _ key: Key, range: ClosedRange<Int>) -> Outcome {
        switch keys.action(for: key) {
        case .close:
            return .close
        case .stepAway:
            return .closeAndAct
        case .erase:
            return .typing(String(digits.dropLast()))
        case .go:
            guard let number = Int(digits), range.contains(number) else { return .refuse(digits) }
            return .go(number)
        case nil:
            guard case .character(let character) = key, character.isASCII, character.isNumber else { return .ignore }
            return digits.count < 6 ? .typing(digits + String(character)) : .ignore
        }
    }
}
