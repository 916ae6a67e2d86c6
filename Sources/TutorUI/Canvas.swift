/// One terminal cell: a character (or the right half of a wide one) and its ink.
public struct Cell: Hashable, Sendable {
    /// One grapheme; empty for the second cell of a wide character. For a line, its glyph (for snapshots).
    public var text: String
    public var ink: Ink
    /// The piece of a line or box this cell draws; nil for text. Only this makes a line: a `│` that is text
    /// (typed in a narration) stays the character it is.
    public var line: LineGlyph?

    public init(_ text: String, ink: Ink = .normal) {
        self.text = text
        self.ink = ink
    }

    /// A cell that draws a piece of a line or box.
    public init(line: LineGlyph, ink: Ink = .normal) {
        self.text = line.text
        self.ink = ink
        self.line = line
    }

    public static let blank = Cell(" ")

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// The pieces of lines and boxes the canvas draws. The terminal back end draws them with ACS (or ASCII), so
/// their ambiguous East-Asian width never matters.
public enum LineGlyph: Hashable, Sendable, CaseIterable {
    case horizontal
    case vertical
    case topLeft
    case topRight
    case bottomLeft
    case bottomRight

    /// The box-drawing character it stands for, as a snapshot shows it.
    public var text: String {
        switch self {
        case .horizontal: "─"
        case .vertical: "│"
        case .topLeft: "┌"
        case .topRight: "┐"
        case .bottomLeft: "└"
        case .bottomRight: "┘"
        }
    }
}

/// A cell's column and row on a canvas.
public struct CellPosition: Hashable, Sendable {
    public var x: Int
    public var y: Int
}

/// An in-memory screen of cells. Everything is drawn here first; the terminal back end sends the differences.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The cell where the terminal's text cursor stands: where the focused answer field types next. Nil hides
    /// the cursor (no field has focus). Whatever is drawn later over that cell with `fill` (a dialog) hides it.
    public var cursor: CellPosition?

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` on row `y`, clipped to `limit` (exclusive, default the right edge).
    /// A wide character that does not fit whole is replaced by a space. Returns the column after the text.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, ink: Ink = .normal, limit: Int? = nil)
        -> Int
    {
        let end = min(limit ?? width, width)
        var column = x
        guard y >= 0, y < height else { return x }
        for character in text {
            let cellWidth = TextWidth.of(character)
            if cellWidth == 0 { continue }
            if column + cellWidth > end {
                if column < end, column >= 0 { put(Cell(" ", ink: ink), x: column, y: y) }
                return end
            }
            if column >= 0 {
                put(Cell(String(character), ink: ink), x: column, y: y)
                if cellWidth == 2 { put(Cell("", ink: ink), x: column + 1, y: y) }
            }
            column += cellWidth
        }
        return column
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    public mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", ink: cells[index - 1].ink)
        }
        if !old.isContinuation, TextWidth.of(old.text) == 2, x + 1 < width, !cell.isContinuation {
            cells[index + 1] = Cell(" ", ink: old.ink)
        }
        cells[index] = cell
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ area: Rect, with cell: Cell = .blank) {
        if let cursor, (area.x..<area.maxX).contains(cursor.x), (area.y..<area.maxY).contains(cursor.y) {
            self.cursor = nil
        }
        for y in max(area.y, 0)..<min(area.maxY, height) {
            for x in max(area.x, 0)..<min(area.maxX, width) { put(cell, x: x, y: y) }
        }
    }

    public mutating func horizontalLine(x: Int, y: Int, length: Int, ink: Ink = .normal) {
        for column in x..<(x + max(length, 0)) { put(Cell(line: .horizontal, ink: ink), x: column, y: y) }
    }

    public mutating func verticalLine(x: Int, y: Int, length: Int, ink: Ink = .normal) {
        for row in y..<(y + max(length, 0)) { put(Cell(line: .vertical, ink: ink), x: x, y: row) }
    }

    /// Draws a frame around `area` with an optional title in its top edge.
    public mutating func box(_ area: Rect, ink: Ink = .normal, title: String? = nil, titleInk: Ink? = nil) {
        guard area.width >= 2, area.height >= 2 else { return }
        horizontalLine(x: area.x + 1, y: area.y, length: area.width - 2, ink: ink)
        horizontalLine(x: area.x + 1, y: area.maxY - 1, length: area.width - 2, ink: ink)
        verticalLine(x: area.x, y: area.y + 1, length: area.height - 2, ink: ink)
        verticalLine(x: area.maxX - 1, y: area.y + 1, length: area.height - 2, ink: ink)
        put(Cell(line: .topLeft, ink: ink), x: area.x, y: area.y)
        put(Cell(line: .topRight, ink: ink), x: area.maxX - 1, y: area.y)
        put(Cell(line: .bottomLeft, ink: ink), x: area.x, y: area.maxY - 1)
        put(Cell(line: .bottomRight, ink: ink), x: area.maxX - 1, y: area.maxY - 1)
        if let title, area.width > 4 {
            write(" \(title) ", x: area.x + 2, y: area.y, ink: titleInk ?? ink, limit: area.maxX - 2)
        }
    }

    /// One row as text, wide characters once, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width { text += self[x, y].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole canvas as text, one line per row: what a snapshot test compares.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// The positions of cells that differ from `other` (every cell when the sizes differ).
    public func changedCells(since other: Canvas?) -> [(x: Int, y: Int)] {
        var changed: [(x: Int, y: Int)] = []
        let comparable = other.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            for x in 0..<width where !comparable || other!.cells[y * width + x] != cells[y * width + x] {
                changed.append((x, y))
            }
        }
        return changed
    }
}
