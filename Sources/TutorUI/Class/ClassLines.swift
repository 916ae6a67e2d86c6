import LessonKit
import TimelineKit
import TutorSession

/// What a line mode of follow mode (`PlainFollowing`, `PresenterPlain` leading a class) waits for: a line typed,
/// messages from the class link, or the end of input.
public enum ClassLineInput: Hashable, Sendable {
    case line(String)
    case messages([Message])
    case end

    /// Takes what `next` gives, in the order it comes, until the end of input or until a handler answers true
    /// (the session quit, or the user left).
    static func read(_ next: () -> ClassLineInput, messages: ([Message]) -> Bool, line: (String) -> Bool) {
        while true {
            switch next() {
            case .end: return
            case .messages(let received): if messages(received) { return }
            case .line(let text): if line(text) { return }
            }
        }
    }
}

/// The class as lines for the instructor's plain mode: "17 of 25 answered" while a question is asked, and the
/// tally once it is revealed, with the same words as the projector's `ClassTallyView`.
enum ClassTallyText {
    static func lines(_ tally: ClassTally, language: Language) -> [String] {
        let strings = Strings(language)
        let pick = { (en: String, zh: String) -> String in language == .zh ? zh : en }
        let heading = pick(
            "Class answers: \(tally.answered) of \(tally.students) answered",
            "全班作答：\(tally.students) 人中 \(tally.answered) 人已作答")
        var lines = ["  " + heading]
        for field in tally.fields {
            var parts: [String] = field.bars.map { bar in
                bar.isCorrect ? "\(bar.value) \(bar.count) ✓" : "\(bar.value) \(bar.count)"
            }
            if field.correct == 0 { parts.append(pick("right: \(field.expected)", "正确：\(field.expected)")) }
            if field.blank > 0 { parts.append(pick("blank \(field.blank)", "未填 \(field.blank)")) }
            lines.append("    " + strings.fieldName(field.field) + strings.labelColon + parts.joined(separator: ", "))
        }
        if let mistake = tally.commonMistake {
            let name = strings.fieldName(mistake.field)
            let lead: String =
                language == .zh
                ? "最常见的错误答案：\(name) \(mistake.value)（\(tally.answered) 人中 \(mistake.count) 人）。"
                : "Most common wrong answer: \(name) \(mistake.value) (\(mistake.count) of \(tally.answered)). "
            lines.append("  " + lead + mistake.explanation.text(language))
        }
        return lines
    }
}

extension FullScreenApp {
    /// Updates the app with `messages` and carries out the effects through `perform`; a failure goes back to the
    /// app as the next message. True when the app asked to quit. The line modes' counterpart of the runtime's
    /// effect handling.
    mutating func deliver(_ messages: [Message], _ perform: (Effect) -> Message?) -> Bool {
        var queue = messages[...]
        var quits = false
        while let message = queue.popFirst() {
            for effect in update(message) {
                if effect == .quit {
                    quits = true
                } else if let failure = perform(effect) {
                    queue.append(failure)
                }
            }
        }
        return quits
    }
}
