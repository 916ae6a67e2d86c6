import LessonKit
import TCPCore
import TimelineKit

/// The input panel of a quiz point: one answer field per asked field, the focus, parse errors and hints.
///
/// While the panel has focus every printable key goes into the focused field, so an answer may contain any
/// letter; only the keys of `QuizKeys.answerField` steer (Tab, Shift-Tab, arrows, Home, End, Enter, Backspace,
/// Delete, Esc, and `?` for the help, which is in no answer). Every field edits
/// as plain text: the flags field has no toggles (`SA`, `S.`, `SYN,ACK` and `syn ack` are typed and read as
/// one answer by the parser), and a space goes in only where it separates two words (`AnswerInput`), so the
/// space bar pressed to go on does not fill a field with blanks.
public struct QuizPanel: Hashable, Sendable {
    public internal(set) var question: QuizQuestion
    /// One input per asked field, in `question.fields` order.
    public private(set) var inputs: [AnswerInput]
    /// Index of the focused field.
    public private(set) var focus = 0
    /// Why the last submission could not be read, per field; cleared when the field is edited.
    public private(set) var errors: [QuizField: AnswerError] = [:]
    /// The highest hint level taken so far.
    public private(set) var hint: HintLevel?
    /// Whether hints may be asked for (never in an exam).
    public let allowsHints: Bool

    public init(question: QuizQuestion, allowsHints: Bool = true) {
        self.question = question
        self.inputs = question.fields.map { _ in AnswerInput() }
        self.allowsHints = allowsHints
    }

    public var fields: [QuizField] { question.fields }
    public var focusedField: QuizField { fields[focus] }

    public func input(_ field: QuizField) -> AnswerInput? {
        fields.firstIndex(of: field).map { inputs[$0] }
    }

    /// What a key did to the panel.
    public enum Outcome: Hashable, Sendable {
        /// The answer changed or the focus moved.
        case edited
        /// Every field was read: the answer to grade, and the text typed per field.
        case submitted(QuizAnswer, typed: [QuizField: String])
        /// Enter with fields that cannot be read (the errors are in `errors`).
        case rejected
        /// Esc: give the keys back to stepping.
        case leave
        /// `?`: the screen's help.
        case help
        /// The key does nothing here.
        case refused
    }

    /// Routes a key pressed while the panel has focus, through the answer fields' key map: a key bound there
    /// steers, any other character is typed.
    public mutating func handle(_ key: Key) -> Outcome {
        guard let action = QuizKeys.answerField(exam: !allowsHints).action(for: key) else {
            guard case .character(let character) = key else { return .refused }
            return type(character)
        }
        switch action {
        case .nextField:
            focus = (focus + 1) % fields.count
            return .edited
        case .previousField:
            focus = (focus + fields.count - 1) % fields.count
            return .edited
        case .cursorLeft:
            return inputs[focus].moveCursor(by: -1) ? .edited : .refused
        case .cursorRight:
            return inputs[focus].moveCursor(by: 1) ? .edited : .refused
        case .cursorStart:
            inputs[focus].moveCursor(to: 0)
            return .edited
        case .cursorEnd:
            inputs[focus].moveCursor(to: inputs[focus].characters.count)
            return .edited
        case .eraseBackward:
            guard inputs[focus].deleteBackward() else { return .refused }
            errors[focusedField] = nil
            return .edited
        case .eraseForward:
            guard inputs[focus].deleteForward() else { return .refused }
            errors[focusedField] = nil
            return .edited
        case .leave:
            return .leave
        case .enter:
            return enter()
        case .help:
            return .help
        case .type:
            return .refused
        }
    }

    /// Types `character` at the cursor of the focused field.
    private mutating func type(_ character: Character) -> Outcome {
        guard !character.isNewline, character != "\t" else { return .refused }
        if AnswerInput.isSpace(character), !inputs[focus].acceptsSpace { return .refused }
        guard inputs[focus].insert(character) else { return .refused }
        errors[focusedField] = nil
        return .edited
    }

    /// Enter: moves on to the next empty field, or submits once every field has something in it (a blank ack
    /// after flags without ACK counts as "-" once the student is on it).
    mutating func enter() -> Outcome {
        let order = (1...fields.count).map { (focus + $0) % fields.count }
        if let blank = order.first(where: { inputs[$0].isBlank }) {
            if blank != focus {
                focus = blank
                return .edited
            }
            if meansNoAck(focus) { return submit() }
            // The only empty field is this one: say what it wants, as the parser words it.
            errors[focusedField] = Self.emptyError(focusedField, hosts: question.hosts)
            return .rejected
        }
        return submit()
    }

    /// The parser's own words for an empty field.
    static func emptyError(_ field: QuizField, hosts: [HostID: HostAddress]) -> AnswerError? {
        do {
            switch field {
            case .sender: _ = try AnswerParser.sender("", hosts: hosts)
            case .flags: _ = try AnswerParser.flags("")
            case .seq, .len: _ = try AnswerParser.number("", field: field)
            case .ack: _ = try AnswerParser.ack("")
            case .state: _ = try AnswerParser.state("")
            case .time: _ = try AnswerParser.duration("")
            }
        } catch {
            return error
        }
        return nil
    }

    /// Reads every field; on success returns the answer, otherwise marks the unreadable fields. The cursor stays
    /// where the student was typing (the view puts a caret under the problem): moving it to the bad character
    /// made the next Backspace or letter change the middle of the field. The focus stays on the field being
    /// typed when that field is wrong, and otherwise goes to the first wrong field, its cursor where it was.
    public mutating func submit() -> Outcome {
        errors = [:]
        var answer = QuizAnswer()
        var typed: [QuizField: String] = [:]
        for (index, field) in fields.enumerated() {
            let text = meansNoAck(index) ? "-" : inputs[index].text
            typed[field] = text
            guard !inputs[index].isBlank || meansNoAck(index) else { continue }
            do {
                let parsed = try AnswerParser.answer([field: text], hosts: question.hosts)
                answer.merge(parsed, field)
            } catch {
                errors[field] = error
            }
        }
        if let first = fields.firstIndex(where: { errors[$0] != nil }) {
            if errors[focusedField] == nil { focus = first }
            return .rejected
        }
        return .submitted(answer, typed: typed)
    }

    /// A blank ack field once the flags field reads as flags without ACK: the student has already said the
    /// segment carries no acknowledgment (RFC 9293 §3.1: the field is meaningful only with ACK), so the blank
    /// is their "-" rather than a field left out.
    func meansNoAck(_ index: Int) -> Bool {
        guard fields[index] == .ack, inputs[index].isBlank, let flags = flagsPreview else { return false }
        return !flags.contains(.ack)
    }

    /// The flags the flags field means right now, for a live preview; nil while it cannot be read.
    public var flagsPreview: TCPFlags? {
        guard let index = fields.firstIndex(of: .flags), !inputs[index].isBlank else { return nil }
        return try? AnswerParser.flags(inputs[index].text)
    }

    /// Takes the next hint level; false when hints are not allowed or both levels are taken.
    public mutating func takeHint() -> Bool {
        guard allowsHints else { return false }
        switch hint {
        case nil: hint = .rule
        case .rule: hint = .arithmetic
        case .arithmetic: return false
        }
        return true
    }

    /// The hint lines taken so far.
    public var hintLines: [LocalizedText] {
        hint.map { QuizHint.lines($0, for: question) } ?? []
    }

    /// Types `text` into `field`, replacing what was there (the plain mode answers a line per field).
    public mutating func setText(_ text: String, for field: QuizField) {
        guard let index = fields.firstIndex(of: field) else { return }
        inputs[index].replace(with: text)
        errors[field] = nil
    }

    /// Moves the focus to `field`.
    public mutating func focus(on field: QuizField) {
        if let index = fields.firstIndex(of: field) { focus = index }
    }

    /// Grades a read answer with the hints taken.
    public func grade(_ answer: QuizAnswer, scoring: ScoringModel = .standard) -> QuizFeedback {
        QuizGrader.grade(question, answer, hint: hint, scoring: scoring)
    }

    /// The numbering line for a number field, else nil. When the sender is part of the question, the
    /// relative wording names no host (naming the ISN's owner would give the sender away). In absolute numbers
    /// it names the ISNs chosen so far, which a seq may start from and which no segment may have shown yet,
    /// except an ISN a clock gives: the question's setting (the clock) comes first instead, since that ISN is
    /// what the question asks to compute (TEACHING.md rule 12).
    public func numberingPrompt(_ field: QuizField) -> LocalizedText? {
        guard let numbering = numberingOnly(field) else { return nil }
        // The setting comes first: a question on an ISN a clock gives names the clock, never the ISN.
        guard let setting = question.setting else { return numbering }
        return LocalizedText(en: setting.en + "; " + numbering.en, zh: setting.zh + "；" + numbering.zh)
    }

    private func numberingOnly(_ field: QuizField) -> LocalizedText? {
        let number: NumberField
        switch field {
        case .seq: number = .seq
        case .ack: number = .ack
        case .sender, .flags, .len, .state, .time: return nil
        }
        if question.numbering.numbering == .relative, fields.contains(.sender) {
            return number == .seq
                ? LocalizedText(
                    en: "relative numbers: counted from the sender's ISN, as tcpdump prints by default",
                    zh: "相对序列号：从发送方的初始序列号起算（tcpdump 默认输出）")
                : LocalizedText(
                    en: "relative numbers: counted from the receiver's ISN, as tcpdump prints by default",
                    zh: "相对序列号：从接收方的初始序列号起算（tcpdump 默认输出）")
        }
        guard question.numbering.numbering == .absolute, !question.chosenISNs.isEmpty else {
            return question.numbering.prompt(number, sender: question.sender)
        }
        // Short enough to stay on one line of the answer panel at 80 columns.
        let isns = HostID.allCases.compactMap { host in question.chosenISNs[host].map { "\(host) \($0.rawValue)" } }
        return LocalizedText(
            en: "absolute numbers, as in tcpdump -S; ISN " + isns.joined(separator: ", "),
            zh: "绝对序列号（同 tcpdump -S）；初始序列号 " + isns.joined(separator: "，"))
    }
}

extension QuizAnswer {
    /// Takes `field` from `other`.
    mutating func merge(_ other: QuizAnswer, _ field: QuizField) {
        switch field {
        case .sender: sender = other.sender
        case .flags: flags = other.flags
        case .seq: seq = other.seq
        case .ack: ack = other.ack
        case .len: len = other.len
        case .state: state = other.state
        case .time: time = other.time
        }
    }
}
