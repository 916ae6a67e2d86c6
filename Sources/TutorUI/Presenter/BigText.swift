/// Large letters for a projector: each pixel of a 3x5 font is painted with `.solid` ink (reverse-video
/// spaces), so the letters line up in every terminal, whatever it makes of East-Asian ambiguous-width block
/// characters, and stay visible without colour.
struct BigText: Widget {
    var text: String
    /// Cells per pixel across: 2 gives square pixels (a cell is about twice as tall as it is wide), 1 narrow
    /// letters that fit twice as many.
    var scale = 1

    /// Rows every big character takes.
    static let height = 5
    /// Pixels from one character to the next: three and a gap.
    static let advance = 4

    /// Columns `text` takes at `scale` (no gap after the last character).
    static func width(of text: String, scale: Int = 1) -> Int {
        text.isEmpty ? 0 : (text.count * advance - 1) * scale
    }

    /// Whether every character of `text` has a big form.
    static func canDraw(_ text: String) -> Bool {
        text.allSatisfy { glyphs[Character($0.uppercased())] != nil }
    }

    func render(in area: Rect, on canvas: inout Canvas) {
        let pixel = Cell(" ", ink: .solid)
        var x = area.x
        for character in text {
            guard x + (Self.advance - 1) * scale <= area.maxX else { return }
            let rows = Self.glyphs[Character(character.uppercased())] ?? Self.glyphs["?"]!
            for (row, pattern) in rows.enumerated() where row < area.height {
                for (column, bit) in pattern.enumerated() where bit == "#" {
                    for part in 0..<scale { canvas.put(pixel, x: x + column * scale + part, y: area.y + row) }
                }
            }
            x += Self.advance * scale
        }
    }

    // swift-format-ignore
    /// The 3x5 font: letters, digits, and the punctuation of a step counter and of flags (`SYN+ACK`).
    static let glyphs: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#.#", "###", "###", "#.#", "#.#"], "N": ["##.", "#.#", "#.#", "#.#", "#.#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."], "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#.#", "#.#", "###", "###", "#.#"], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "##."],
        "_": ["...", "...", "...", "...", "###"], "/": ["..#", "..#", ".#.", "#..", "#.."],
        "?": ["##.", "..#", ".#.", "...", ".#."], ".": ["...", "...", "...", "...", ".#."],
        "-": ["...", "...", "###", "...", "..."], ":": ["...", ".#.", "...", ".#.", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."], ">": ["#..", ".#.", "..#", ".#.", "#.."],
        " ": ["...", "...", "...", "...", "..."],
    ]
}
