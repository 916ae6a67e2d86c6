import TutorUI

/// The lines of the instructor's screen: who is connected in a self-paced class; in an exam, every student who is
/// connected or began, with their answers, their time left and their state, those who may need the instructor
/// first. On a full screen the lines fit the terminal (cut to its width; a list longer than its height scrolls);
/// as plain lines (TERM=dumb) every line is given whole.
struct InstructorScreen {
    let words: ServerWords
    /// The terminal's columns and rows; nil for plain lines.
    let size: (columns: Int, rows: Int)?

    /// A self-paced class: who is connected, from where, since when.
    func classLines(students: [ClassRoom.Seat], limit: Int?, ending: Bool) -> [String] {
        var lines = [words.connected(students.count, limit: limit), ""]
        for seat in students { lines.append(words.seat(seat.student.value, since: seat.since, from: seat.peer)) }
        if students.isEmpty { lines.append(words.nobody) }
        lines += ["", footer(ending: ending)]
        return fitted(lines)
    }

    /// The class's exam. `scroll` is the first student row shown, kept within the list.
    func examLines(
        watch: ExamWatch, standings: [ExamStanding], problem: String?, ending: Bool, scroll: inout Int
    ) -> [String] {
        var top = wrapped(words.examTitle(watch), then: words.say(" ", ""))
        top += wrapped(words.examCounts(ExamCounts(standings)), then: words.say(", ", "，"))
        if let problem { top.append(words.storeProblem(problem)) }
        top += ["", words.examHeader]
        let bottom = ["", footer(ending: ending)]
        var rows = standings.map(words.examRow)
        if let size, rows.count > size.rows - top.count - bottom.count {
            // One line says which rows are shown; at least one student row is always there.
            let visible = max(1, size.rows - top.count - bottom.count - 1)
            scroll = min(max(0, scroll), rows.count - visible)
            let count = rows.count
            rows = Array(rows[scroll..<(scroll + visible)])
            rows.append(words.rows(scroll + 1, scroll + visible, of: count))
        } else {
            scroll = 0
        }
        return fitted(top + rows + bottom)
    }

    private func footer(ending: Bool) -> String {
        ending ? words.ending : size == nil ? words.plainKeys : words.keys
    }

    /// Parts of a line joined (by a space after the first, then by `separator`), broken between parts where the
    /// screen is too narrow for them.
    private func wrapped(_ parts: [String], then separator: String) -> [String] {
        guard let first = parts.first else { return [] }
        let space = words.say(" ", "")
        var lines = [first]
        for (index, part) in parts.enumerated().dropFirst() {
            let joiner = index == 1 ? space : separator
            let joined = lines[lines.count - 1] + joiner + part
            if let size, TextWidth.of(joined) > size.columns {
                lines[lines.count - 1] += joiner.trimmingSpaces
                lines.append("  " + part)
            } else {
                lines[lines.count - 1] = joined
            }
        }
        return lines
    }

    /// On a full screen, each line cut to the width and no more lines than the height.
    private func fitted(_ lines: [String]) -> [String] {
        guard let size else { return lines }
        return lines.prefix(size.rows).map { $0.clipped(to: size.columns) }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
