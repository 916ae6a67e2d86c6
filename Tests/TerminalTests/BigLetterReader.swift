/// Reads the presenter's big letters back from a tmux capture with attributes (`capture-pane -e`): each pixel
/// is a reverse-video space, so the letters are rebuilt from where reverse video is on, then matched against
/// the 3x5 font.
enum BigLetterReader {
    /// Every row of `capture` as cells, true where reverse video is on (ASCII rows only: one byte, one cell).
    static func pixels(_ capture: String) -> [[Bool]] {
        capture.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var cells: [Bool] = []
            var reverse = false
            var index = line.startIndex
            while index < line.endIndex {
                if line[index] == "\u{1B}", let end = line[index...].firstIndex(where: { $0.isLetter && $0 != "[" }) {
                    let codes = line[line.index(index, offsetBy: 2)..<end].split(separator: ";")
                    if line[end] == "m" {
                        if codes.isEmpty || codes.contains("0") || codes.contains("27") { reverse = false }
                        if codes.contains("7") { reverse = true }
                    }
                    index = line.index(after: end)
                    continue
                }
                cells.append(reverse)
                index = line.index(after: index)
            }
            return cells
        }
    }

    /// The text of every band of five rows holding big letters, top to bottom.
    static func lines(_ capture: String) -> [String] {
        let rows = pixels(capture)
        var texts: [String] = []
        var row = 0
        while row + 5 <= rows.count {
            let band = Array(rows[row..<(row + 5)])
            guard band[0].contains(true) || band[1].contains(true),
                !(row > 0 && rows[row - 1].contains(true)),
                let text = [2, 1].lazy.compactMap({ read(band, scale: $0) }).first
            else {
                row += 1
                continue
            }
            texts.append(text)
            row += 5
        }
        return texts
    }

    /// The letters of one band at `scale` cells per pixel, or nil when some shape is no letter.
    static func read(_ band: [[Bool]], scale: Int) -> String? {
        let lit = { (x: Int, y: Int) in x >= 0 && x < band[y].count && band[y][x] }
        let columns = band.flatMap { row in row.indices.filter { row[$0] } }
        guard let first = columns.min(), let last = columns.max() else { return nil }
        var text = ""
        var x = first
        while x <= last {
            let shape = (0..<5).map { y in String((0..<3).map { lit(x + $0 * scale, y) ? "#" : "." }) }
            guard let character = glyphs.first(where: { $0.value == shape })?.key else { return nil }
            text.append(character)
            x += 4 * scale
        }
        return text
    }

    // swift-format-ignore
    /// The presenter's 3x5 font (letters, digits and the punctuation of flags, counters and answers).
    static let glyphs: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "E": ["###", "#..", "##.", "#..", "###"],
        "F": ["###", "#..", "##.", "#..", "#.."], "G": [".##", "#..", "#.#", "#.#", ".##"],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "N": ["##.", "#.#", "#.#", "#.#", "#.#"], "O": [".#.", "#.#", "#.#", "#.#", ".#."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "S": [".##", "#..", ".#.", "..#", "##."],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "W": ["#.#", "#.#", "###", "###", "#.#"],
        "H": ["#.#", "#.#", "###", "#.#", "#.#"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "##."],
        "?": ["##.", "..#", ".#.", "...", ".#."], "+": ["...", ".#.", "###", ".#.", "..."],
        ">": ["#..", ".#.", "..#", ".#.", "#.."], "/": ["..#", "..#", ".#.", "#..", "#.."],
        "_": ["...", "...", "...", "...", "###"], " ": ["...", "...", "...", "...", "..."],
    ]
}
