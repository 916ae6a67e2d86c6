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

    static func outcome(_ digits: String, _ key: Key, range: ClosedRange<Int>) -> Outcome {
        switch key {
        case .escape, .character("q"), .character("Q"):
            return .close
        case .pageDown, .pageUp:
            return .closeAndAct
        case .backspace, .left:
            return .typing(String(digits.dropLast()))
        case .character(let character) where character.isASCII && character.isNumber:
            return digits.count < 6 ? .typing(digits + String(character)) : .ignore
        case .enter:
            guard let number = Int(digits), range.contains(number) else { return .refuse(digits) }
            return .go(number)
        default:
            return .ignore
        }
    }
}
