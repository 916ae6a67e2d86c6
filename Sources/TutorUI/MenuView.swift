import LessonKit
import TimelineKit
import TutorSession

/// The lesson menu: lessons in path order, each with the student's progress.
struct MenuView: Widget {
    var session: TutorSession
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        HeaderBar(title: "\(strings.appName)  \(strings.lessonsHeading)", status: "").render(
            in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)
        var bottom = area.maxY - 1
        if let notice = session.notice {
            let block = TextBlock(paragraphs: [(notice.text(strings.language), .warning)], width: area.width - 4)
            bottom -= block.lines.count + 1
            block.render(in: Rect(x: 2, y: bottom + 1, width: area.width - 4, height: block.lines.count), on: &canvas)
        }
        if session.lessons.indices.contains(session.menuSelection), !session.lessons[session.menuSelection].isLoading,
            case .failure(let problem) = session.lessons[session.menuSelection].content
        {
            // The selected lesson failed to load: say why, in full, under the list.
            let block = TextBlock(paragraphs: [(problem.message, .warning)], width: area.width - 4)
            bottom -= block.lines.count + 1
            block.render(in: Rect(x: 2, y: bottom + 1, width: area.width - 4, height: block.lines.count), on: &canvas)
        }
        if let summary = selectedSummary() {
            // What the selected lesson is about, under the list, where the list keeps room for every lesson.
            let block = TextBlock(paragraphs: [(summary, .dim)], width: area.width - 4)
            let needed = block.lines.count + 1
            if bottom - area.y - 3 - needed >= session.lessons.count {
                bottom -= needed
                block.render(
                    in: Rect(x: 2, y: bottom + 1, width: area.width - 4, height: block.lines.count), on: &canvas)
            }
        }
        let list = Rect(x: area.x, y: area.y + 2, width: area.width, height: bottom - area.y - 3)
        if session.lessons.isEmpty {
            TextBlock(paragraphs: [(strings.noLessons, .warning)], width: list.width - 4).render(
                in: list.inset(by: 0).offsetX(2), on: &canvas)
        }
        let first = max(0, min(session.menuSelection - list.height + 1, session.lessons.count - list.height))
        let shown = (first..<session.lessons.count).prefix(max(list.height, 0))
        for (row, index) in shown.enumerated() {
            drawEntry(index, y: list.y + row, width: list.width, on: &canvas)
        }
        // Lessons scrolled out of the list are counted on the blank rows above and below it, so a student on a
        // small window knows the path goes on.
        if first > 0 {
            canvas.write(strings.moreAbove(first), x: 3, y: list.y - 1, ink: .dim, limit: list.width - 2)
        }
        let below = session.lessons.count - (first + shown.count)
        if below > 0, !shown.isEmpty {
            canvas.write(strings.moreBelow(below), x: 3, y: list.maxY, ink: .dim, limit: list.width - 2)
        }
        KeyBar(keys: TutorKeys.menu.barItems(strings.language)).render(
            in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), on: &canvas)
    }

    /// The selected lesson's one-line summary, once it has loaded and when no notice or problem takes the room.
    private func selectedSummary() -> String? {
        guard session.notice == nil, session.lessons.indices.contains(session.menuSelection) else { return nil }
        let entry = session.lessons[session.menuSelection]
        guard !entry.isLoading, entry.timeline != nil, let summary = entry.lesson?.summary.text(strings.language),
            !summary.isEmpty
        else { return nil }
        return summary
    }

    private func drawEntry(_ index: Int, y: Int, width: Int, on canvas: inout Canvas) {
        let entry = session.lessons[index]
        let selected = index == session.menuSelection
        let status: String
        var statusInk = Ink.dim
        switch entry.content {
        case _ where entry.isLoading:
            status = strings.loading
        case .success(let timeline):
            status = progressText(timeline)
        case .failure(let problem):
            _ = problem
            status = strings.cannotLoad
            statusInk = .warning
        }
        if selected { canvas.fill(Rect(x: 1, y: y, width: width - 2, height: 1), with: Cell(" ", ink: .selection)) }
        let marker = selected ? ">" : " "
        let number = String(index + 1)
        let padding = String(repeating: " ", count: max(String(session.lessons.count).count - number.count, 0))
        var x = canvas.write("\(marker) \(padding)\(number). ", x: 1, y: y, ink: selected ? .selection : .normal)
        let statusWidth = min(TextWidth.of(status), width / 2)
        let statusX = width - 2 - statusWidth
        x = canvas.write(
            TextFit.fit(entry.title(strings.language), width: statusX - 1 - x), x: x, y: y,
            ink: selected ? .selection : .strong, limit: statusX - 1)
        canvas.write(status, x: statusX, y: y, ink: selected ? .selection : statusInk, limit: width - 2)
    }

    private func progressText(_ timeline: Timeline) -> String {
        guard let saved = session.progress[timeline.lessonID] else { return strings.notStarted }
        if saved.completed {
            return saved.score.map(strings.doneWithScore) ?? strings.done
        }
        return strings.atStep(min(saved.step, timeline.frames.count - 1) + 1, of: timeline.frames.count)
    }
}

extension Rect {
    func offsetX(_ amount: Int) -> Rect { Rect(x: x + amount, y: y, width: width - amount, height: height) }
}
