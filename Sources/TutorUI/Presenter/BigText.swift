/// Large letters for a projector: each pixel of a 3x5 font is one cell painted with `.solid` ink
/// (a reverse-video space), so the letters are one cell per pixel in every terminal, whatever it makes of
/// East-Asian ambiguous-width block characters, and stay visible without colour.
struct BigText: Widget {
    var text: String

    /// Rows every big character takes.
    static let height = 5
    /// Columns from one character to the next: three pixels and a gap.
    static let advance = 4

    /// Columns `text` takes (no gap after the last character).
    static func width(of text: String) -> Int {
        text.isEmpty ? 0 : text.count * advance - 1
    }

    /// Whether every character of `text` has a big form.
    static func canDraw(_ text: String) -> Bool {
        text.allSatisfy { glyphs[Character($0.uppercased())] != nil }
    }

    func render(in area: Rect, on canvas: inout Canvas) {
        let pixel = Cell(" ", ink: .solid)
        var x = area.x
        for character in text {
            guard x + Self.advance - 1 <= area.maxX else { return }
            let rows = Self.glyphs[Character(character.uppercased())] ?? Self.glyphs["?"]!
            for (row, pattern) in rows.enumerated() where row < area.height {
                for (column, bit) in pattern.enumerated() where bit == "#" {
                    canvas.put(pixel, x: x + column, y: area.y + row)
                }
            }
            x += Self.advance
        }
    }

    // swift-format-ignore
    /// The 3x5 font: the letters of the state names, digits, and the punctuation of a step counter.
    static let glyphs: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#.#", "###", "#.#", "#.#", "#.#"], "N": ["##.", "#.#", "#.#", "#.#", "#.#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."], "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#.#", "#.#", "#.#", "###", "#.#"], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "##."],
        "_": ["...", "...", "...", "...", "###"], "/": ["..#", "..#", ".#.", "#..", "#.."],
        "?": ["##.", "..#", ".#.", "...", ".#."], ".": ["...", "...", "...", "...", ".#."],
        "-": ["...", "...", "###", "...", "..."], ":": ["...", ".#.", "...", ".#.", "..."],
        " ": ["...", "...", "...", "...", "..."],
    ]
}
