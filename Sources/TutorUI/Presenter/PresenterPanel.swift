/// The presenter's text: blocks separated by a blank line when they fit, closer together when not, and cut
/// with an ellipsis only when even that is too much for the window.
struct PresenterPanel: Widget {
    var blocks: [PanelBlock]

    func render(in area: Rect, on canvas: inout Canvas) {
        guard area.width > 0, area.height > 0 else { return }
        let wrapped = blocks.map { block in (lines: block.lines(width: area.width), ink: block.ink) }
        let total = wrapped.reduce(0) { $0 + $1.lines.count }
        let gap = total + max(wrapped.count - 1, 0) <= area.height ? 1 : 0
        var rows: [(text: String, ink: Ink)] = []
        for (index, block) in wrapped.enumerated() {
            if index > 0 { rows += Array(repeating: (text: "", ink: Ink.normal), count: gap) }
            rows += block.lines.map { (text: $0, ink: block.ink) }
        }
        if rows.count > area.height {
            rows.removeLast(rows.count - area.height)
            let last = rows[rows.count - 1]
            rows[rows.count - 1] = (Self.ellipsized(last.text, width: area.width), last.ink)
        }
        for (offset, row) in rows.enumerated() {
            canvas.write(row.text, x: area.x, y: area.y + offset, ink: row.ink, limit: area.maxX)
        }
    }

    /// `text` ending in "…" within `width` cells.
    static func ellipsized(_ text: String, width: Int) -> String {
        var text = text
        while TextWidth.of(text) + 1 > width, !text.isEmpty { text.removeLast() }
        return text + "…"
    }
}
