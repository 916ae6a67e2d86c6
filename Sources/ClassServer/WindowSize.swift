/// A terminal's size as a client claims it (`pty-req` and `window-change`, RFC 4254 §6.2 and §6.7), checked:
/// zero means "not given" (the RFC says to ignore it), and past 999 columns or 499 rows it is refused, not
/// believed: no screen is that large, so it is a probe or a client's bug, and the tutor is drawn for real sizes.
struct WindowSize: Equatable {
    static let columns = 1...999
    static let rows = 1...499
    static let limitText = "at most \(columns.upperBound)x\(rows.upperBound)"

    /// Nil for a size refused; a zero dimension stays zero, for `or` to fill in.
    let columns: Int
    let rows: Int

    init?(columns: Int, rows: Int) {
        guard columns == 0 || Self.columns.contains(columns), rows == 0 || Self.rows.contains(rows) else {
            return nil
        }
        self.columns = columns
        self.rows = rows
    }

    /// This size, with a dimension the client left at zero taken from `current`.
    func or(_ current: (columns: Int, rows: Int)) -> (columns: Int, rows: Int) {
        (columns == 0 ? current.columns : columns, rows == 0 ? current.rows : rows)
    }
}
