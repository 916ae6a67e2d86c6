import LessonKit
import TimelineKit
import TutorSession

/// The class's answers to the question just closed, for the projector: one column per field asked, a bar per
/// value given (the engine's value marked ✓), then the most common wrong value with the rule it breaks. Bars are
/// cells in solid ink, not block characters, whose width East Asian terminals disagree on.
struct ClassTallyView: Widget {
    var tally: ClassTally
    var language: Language

    private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// The longest bar, in cells, for a value every student gave.
    static let fullBar = 12

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.width >= 20, area.height >= 2 else { return }
        canvas.fill(area)
        let heading = pick(
            "Class answers: \(tally.answered) of \(tally.students) answered",
            "全班作答：\(tally.students) 人中 \(tally.answered) 人已作答")
        canvas.write(heading, x: area.x + 1, y: area.y, ink: .strong, limit: area.maxX - 1)
        // One row per field, its values side by side, most given first; the rest of the area explains the most
        // common mistake.
        let names = tally.fields.map { Strings(language).fieldName($0.field) }
        let nameWidth = (names.map { TextWidth.of($0) }.max() ?? 0) + 2
        var y = area.y + 1
        for (field, name) in zip(tally.fields, names) where y < area.maxY {
            canvas.write(name, x: area.x + 1, y: y, ink: .strong, limit: area.maxX)
            renderBars(field, x: area.x + 1 + nameWidth, y: y, limit: area.maxX - 1, on: &canvas)
            y += 1
        }
        if let mistake = tally.commonMistake, y < area.maxY {
            renderMistake(mistake, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y), on: &canvas)
        }
    }

    /// `S. ▇▇▇▇▇▇ 3 ✓   . ▇▇ 1   blank 1`: a value, its bar (as long for every field when all students gave
    /// it), its count; the engine's value marked. Values that do not fit whole are left out, never cut.
    private func renderBars(_ field: ClassTally.FieldTally, x: Int, y: Int, limit: Int, on canvas: inout Canvas) {
        var x = x
        let total = max(tally.answered, 1)
        for bar in field.bars {
            let length = max(1, bar.count * Self.fullBar / total)
            let count = bar.isCorrect ? " \(bar.count) ✓" : " \(bar.count)"
            let width = TextWidth.of(bar.value) + 1 + length + TextWidth.of(count)
            guard x + width <= limit else { return }
            canvas.write(bar.value, x: x, y: y, ink: bar.isCorrect ? .strong : .normal)
            for offset in 0..<length {
                canvas.put(
                    Cell(" ", ink: bar.isCorrect ? .solid : .warning), x: x + TextWidth.of(bar.value) + 1 + offset, y: y
                )
            }
            canvas.write(count, x: x + TextWidth.of(bar.value) + 1 + length, y: y)
            x += width + 3
        }
        if field.correct == 0 {
            // Nobody gave the engine's value: say it, since no bar carries the mark.
            let right = pick("right: \(field.expected)", "正确：\(field.expected)")
            guard x + TextWidth.of(right) <= limit else { return }
            canvas.write(right, x: x, y: y, ink: .strong)
            x += TextWidth.of(right) + 3
        }
        if field.blank > 0 {
            let blank = pick("blank \(field.blank)", "未填 \(field.blank)")
            if x + TextWidth.of(blank) <= limit { canvas.write(blank, x: x, y: y, ink: .dim) }
        }
    }

    private func renderMistake(_ mistake: ClassTally.CommonMistake, in area: Rect, on canvas: inout Canvas) {
        let name = Strings(language).fieldName(mistake.field)
        let lead = pick(
            "Most common wrong answer: \(name) \(mistake.value) (\(mistake.count) of \(tally.answered)). ",
            "最常见的错误答案：\(name) \(mistake.value)（\(tally.answered) 人中 \(mistake.count) 人）。")
        let text = lead + mistake.explanation.text(language)
        for (offset, line) in TextWrap.lines(text, width: area.width - 2).prefix(area.height).enumerated() {
            canvas.write(
                line, x: area.x + 1, y: area.y + offset, ink: offset == 0 ? .warning : .normal, limit: area.maxX)
        }
    }
}
