/// The key help, over the current screen, its lines from the screen's key maps: the menu's keys in the menu,
/// the lesson's in a lesson; the presenter's in larger contrast for a projector.
struct HelpDialog: Widget {
    var strings: Strings
    var lines: [(key: String, action: String)]
    var title: String?
    var actionInk: Ink = .normal
    var closeInk: Ink = .dim

    func render(in area: Rect, on canvas: inout Canvas) {
        let keyWidth = lines.map { TextWidth.of($0.key) }.max() ?? 0
        let actionWidth = lines.map { TextWidth.of($0.action) }.max() ?? 0
        let width = min(keyWidth + actionWidth + 7, area.width)
        let box = area.centered(width: width, height: lines.count + 4)
        canvas.fill(box)
        canvas.box(box, ink: .strong, title: title ?? strings.helpTitle)
        for (offset, line) in lines.enumerated() where offset < box.height - 4 {
            let y = box.y + 1 + offset
            canvas.write(line.key, x: box.x + 2, y: y, ink: .key, limit: box.maxX - 1)
            canvas.write(line.action, x: box.x + 4 + keyWidth, y: y, ink: actionInk, limit: box.maxX - 1)
        }
        canvas.write(strings.helpClose, x: box.x + 2, y: box.maxY - 2, ink: closeInk, limit: box.maxX - 1)
    }
}

/// The number entry opened with `g`: a step in a lesson, a lesson in the menu.
struct JumpDialog: Widget {
    var digits: String
    /// The numbers there are.
    var range: ClosedRange<Int>
    /// Whether the numbers are lessons (in the menu) rather than steps.
    var lessons = false
    /// The number just refused, said with the range under the prompt.
    var refused: String?
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let box = area.centered(width: 40, height: 5)
        canvas.fill(box)
        canvas.box(box, ink: .strong, title: strings.jumpTitle(lessons: lessons))
        let prompt = strings.jumpPrompt(range, lessons: lessons) + " "
        let end = canvas.write(prompt, x: box.x + 2, y: box.y + 1, limit: box.maxX - 1)
        let cursor = canvas.write(digits, x: end, y: box.y + 1, ink: .strong, limit: box.maxX - 1)
        canvas.write("_", x: cursor, y: box.y + 1, ink: .strong, limit: box.maxX - 1)
        if let refused {
            canvas.write(
                strings.jumpRefused(refused, range: range, lessons: lessons), x: box.x + 2, y: box.y + 2,
                ink: .warning, limit: box.maxX - 1)
        }
        canvas.write(strings.jumpHint, x: box.x + 2, y: box.y + 3, ink: .dim, limit: box.maxX - 1)
    }
}

/// What is shown instead of a layout that cannot fit.
struct TooSmallView: Widget {
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let width = max(min(area.width - 2, 60), 1)
        let lines = TextWrap.lines(strings.tooSmall(Size(width: area.width, height: area.height)), width: width)
        let top = max((area.height - lines.count) / 2, 0)
        for (offset, line) in lines.enumerated() {
            let x = max((area.width - TextWidth.of(line)) / 2, 0)
            canvas.write(line, x: x, y: top + offset, ink: .warning)
        }
    }
}
