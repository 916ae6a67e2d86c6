import TimelineKit

/// A warning on the row under a screen's header (a save that failed), shortened to the width, never wrapped:
/// the row is free on every quiz screen, so nothing below moves.
struct NoticeLine: Widget {
    var notice: LocalizedText?
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        guard let notice, area.height > 1 else { return }
        let width = area.width - 4
        canvas.write(
            TextFit.fit(notice.text(strings.language), width: width), x: area.x + 2, y: area.y + 1, ink: .warning,
            limit: area.x + 2 + width)
    }
}
