/// The bottom line: the keys that work here and what they do.
struct KeyBar: Widget {
    var keys: [(key: String, action: String)]

    func render(in area: Rect, on canvas: inout Canvas) {
        // The last column is left alone: writing the bottom-right cell makes some terminals scroll.
        let limit = area.maxX - 1
        var x = area.x + 1
        for (key, action) in keys {
            let needed = TextWidth.of(key) + 1 + TextWidth.of(action)
            guard x + needed <= limit else { break }
            x = canvas.write(key, x: x, y: area.y, ink: .key, limit: limit)
            x = canvas.write(" " + action, x: x, y: area.y, limit: limit) + 2
        }
    }
}

/// The top line: where we are.
struct HeaderBar: Widget {
    var title: String
    var status: String
    /// Shorter forms of the title, longest first, for a narrow window.
    var shorterTitles: [String] = []

    func render(in area: Rect, on canvas: inout Canvas) {
        let statusWidth = TextWidth.of(status)
        let statusX = area.maxX - 1 - statusWidth
        // Never cut silently: a cut port or sequence number would read as another number.
        let width = statusX - 2 - (area.x + 1)
        let shown =
            ([title] + shorterTitles).first { TextWidth.of($0) <= width }
            ?? TextFit.fit(shorterTitles.first ?? title, width: width)
        canvas.write(shown, x: area.x + 1, y: area.y, ink: .strong, limit: statusX - 2)
        canvas.write(status, x: statusX, y: area.y, ink: .dim, limit: area.maxX)
    }
}

/// Wrapped paragraphs of text, each line with an ink.
struct TextBlock: Widget {
    var lines: [(text: String, ink: Ink)]

    /// Wraps `paragraphs` to `width` cells.
    init(paragraphs: [(text: String, ink: Ink)], width: Int) {
        lines = paragraphs.flatMap { paragraph in
            TextWrap.lines(paragraph.text, width: width).map { (text: $0, ink: paragraph.ink) }
        }
    }

    func render(in area: Rect, on canvas: inout Canvas) {
        for (offset, line) in lines.prefix(area.height).enumerated() {
            canvas.write(line.text, x: area.x, y: area.y + offset, ink: line.ink, limit: area.maxX)
        }
        // Text that does not fit says so on its last visible line rather than stopping mid-sentence unseen.
        if lines.count > area.height, area.height > 0, area.width > 3 {
            let y = area.maxY - 1
            canvas.fill(Rect(x: area.maxX - 3, y: y, width: 3, height: 1))
            canvas.write("...", x: area.maxX - 3, y: y, ink: .dim)
        }
    }
}
