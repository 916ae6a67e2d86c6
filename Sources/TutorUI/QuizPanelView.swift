import LessonKit
import TimelineKit
import TutorSession

/// The quiz input panel: the question, one line per answer field (why the focused field's text cannot be read
/// right under it, with a caret under the column), then the numbering the focused field expects, then any hints
/// taken. The focused field puts the terminal's cursor where the next key types (`Canvas.cursor`).
struct QuizPanelView: Widget {
    var panel: QuizPanel
    var question: String
    var hasFocus: Bool
    var strings: Strings
    var scoring: ScoringModel = .standard
    /// A line shown under the hints (the exam's "answers are final", the paused note).
    var footer: String?

    static let labelWidth = 10
    static let inputWidth = 24

    /// Rows the panel needs at `width` cells.
    func height(width: Int) -> Int {
        2 + body(width: width - 4).count
    }

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.height >= 3 else { return }
        canvas.fill(area)
        // The hints' cost stands in the title, so that the hints themselves keep every row at 80x24.
        var title = strings.say("Quiz", "测验")
        if let level = panel.hint { title += " · " + strings.hintCost(level, scoring) }
        canvas.box(area, ink: hasFocus ? .question : .dim, title: title)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        for (offset, line) in body(width: inner.width).prefix(inner.height).enumerated() {
            line.draw(x: inner.x, y: inner.y + offset, limit: inner.maxX, on: &canvas)
        }
    }

    /// One drawn line of the panel.
    struct Line {
        var text: String
        var ink: Ink
        /// For a field line: the field, its input and whether it has the cursor.
        var field: (label: String, input: AnswerInput, focused: Bool, note: String)?

        func draw(x: Int, y: Int, limit: Int, on canvas: inout Canvas) {
            guard let field else {
                canvas.write(text, x: x, y: y, ink: ink, limit: limit)
                return
            }
            canvas.write(field.focused ? ">" : " ", x: x, y: y, ink: .question, limit: limit)
            canvas.write(field.label, x: x + 2, y: y, ink: field.focused ? .strong : .normal, limit: limit)
            let inputX = x + QuizPanelView.labelWidth
            canvas.write("[", x: inputX - 1, y: y, ink: .dim, limit: limit)
            var column = inputX
            var cursorX: Int?
            for (index, character) in field.input.characters.enumerated() {
                if index == field.input.cursor { cursorX = column }
                column = canvas.write(String(character), x: column, y: y, ink: .strong, limit: limit)
            }
            if field.input.cursor == field.input.characters.count { cursorX = column }
            if field.focused, let cursorX, cursorX < limit { canvas.cursor = CellPosition(x: cursorX, y: y) }
            let close = max(column + 1, inputX + QuizPanelView.inputWidth)
            canvas.write("]", x: close, y: y, ink: .dim, limit: limit)
            canvas.write(field.note, x: close + 2, y: y, ink: .dim, limit: limit)
        }
    }

    func body(width: Int) -> [Line] {
        var lines = TextWrap.lines(question, width: width).map { Line(text: $0, ink: .question) }
        let field = panel.focusedField
        for (index, each) in panel.fields.enumerated() {
            let focused = hasFocus && index == panel.focus
            lines.append(
                Line(
                    text: "", ink: .normal,
                    field: (strings.fieldName(each), panel.inputs[index], focused, note(each))))
            // The caret goes right under the field that cannot be read, not under the last field.
            if index == panel.focus, let error = panel.errors[each] {
                lines += errorLines(error, input: panel.inputs[index], width: width)
            }
        }
        if panel.errors[field] == nil, hasFocus, let prompt = panel.numberingPrompt(field) {
            lines += TextWrap.lines(
                strings.fieldName(field) + strings.say(": ", "：") + prompt.text(strings.language), width: width
            )
            .map { Line(text: $0, ink: .dim) }
        }
        if panel.hint != nil {
            for hint in panel.hintLines {
                lines += TextWrap.lines(hint.text(strings.language), width: width).map {
                    Line(text: $0, ink: .question)
                }
            }
        }
        if let footer {
            lines += TextWrap.lines(footer, width: width).map { Line(text: $0, ink: .dim) }
        }
        return lines
    }

    /// A caret under the column of `error` in its field's text (counted in cells: a Chinese character is two),
    /// then the message.
    private func errorLines(_ error: AnswerError, input: AnswerInput, width: Int) -> [Line] {
        let before = input.characters.prefix(min(error.column, input.characters.count))
        let caretX = Self.labelWidth + TextWidth.of(String(before))
        return [Line(text: String(repeating: " ", count: caretX) + "^", ink: .warning)]
            + TextWrap.lines(error.message.text(strings.language), width: width).map { Line(text: $0, ink: .warning) }
    }

    /// The note to the right of a field: what it accepts, or the flags the typed letters mean.
    private func note(_ field: QuizField) -> String {
        switch field {
        case .sender: return strings.senderNote
        case .flags:
            if let flags = panel.flagsPreview { return "= \(flags.tcpdump) (\(flags.spelledOut))" }
            return strings.flagsNote
        case .seq: return strings.numberNote
        case .ack: return strings.ackNote
        case .len: return strings.lenNote
        case .state: return strings.stateNote
        case .time: return strings.timeNote
        }
    }
}

/// The verdict on an answered question: one line per field, then why the selected field's value is right.
struct FeedbackView: Widget {
    var focus: FeedbackFocus
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.height >= 3 else { return }
        let feedback = focus.feedback
        canvas.fill(area)
        let ink: Ink = feedback.isAllCorrect ? .strong : .warning
        canvas.box(area, ink: ink, title: strings.points(feedback.score))
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        var y = inner.y
        for (index, field) in feedback.fields.enumerated() where y < inner.maxY {
            let selected = index == focus.selected
            var x = canvas.write(selected ? "> " : "  ", x: inner.x, y: y, ink: .question, limit: inner.maxX)
            let verdict = field.isCorrect ? strings.rightWord : strings.wrongWord
            x = canvas.write(verdict, x: x, y: y, ink: field.isCorrect ? .strong : .warning, limit: inner.maxX)
            x = max(x + 1, inner.x + 10)
            x = canvas.write(
                strings.fieldName(field.field), x: x, y: y, ink: selected ? .strong : .normal, limit: inner.maxX)
            x = max(x + 1, inner.x + 19)
            let given = field.given(in: strings.language) ?? strings.blankWord
            if field.isCorrect {
                canvas.write(given, x: x, y: y, limit: inner.maxX)
            } else {
                x = canvas.write(strings.youTyped(given), x: x, y: y, ink: .dim, limit: inner.maxX)
                let expected = field.expected(in: strings.language)
                canvas.write("  " + strings.rightValue(expected), x: x, y: y, ink: .strong, limit: inner.maxX)
            }
            y += 1
        }
        guard let field = focus.selectedField, y + 1 < inner.maxY else { return }
        y += 1
        var paragraphs: [(text: String, ink: Ink)] = []
        if let note = field.note { paragraphs.append((note.text(strings.language), .warning)) }
        paragraphs.append(
            (strings.fieldName(field.field) + strings.say(": ", "：") + field.why.text(strings.language), .normal))
        TextBlock(paragraphs: paragraphs, width: inner.width).render(
            in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), on: &canvas)
    }

    /// Rows the feedback would like at `width` cells.
    func height(width: Int) -> Int {
        let field = focus.selectedField
        let detail =
            (field?.note.map { TextWrap.lines($0.text(strings.language), width: width - 4).count } ?? 0)
            + (field.map { TextWrap.lines($0.why.text(strings.language), width: width - 4).count + 1 } ?? 0)
        return 2 + focus.feedback.fields.count + 1 + detail
    }
}
