import CNCurses
import TutorUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal under ncurses: started and ended exactly once, painted from canvases by their differences.
final class CursesScreen {
    private let screen: OpaquePointer
    private let palette: Palette
    private let asciiLines: Bool
    /// What the terminal shows now; nil forces a full paint (start, resize, Ctrl-L).
    private var shown: Canvas?
    private var ended = false
    /// Whether the terminal's cursor is shown now (it is hidden from the start, and shown again at the end).
    private var cursorShown = false

    /// Starts ncurses on the process's terminal. The caller has checked `TerminalProblem.check` and the locale.
    init(environment: [String: String], asciiLines: Bool) throws(TerminalProblem) {
        cn_save_terminal_modes()
        // Before newterm, so that ncurses leaves these signals to us (it only takes them when they are default).
        cn_install_exit_signals()
        guard let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
            throw .unknownTerminal(environment["TERM"] ?? "")
        }
        self.screen = screen
        self.asciiLines = asciiLines
        set_term(screen)
        // Until a screen has been through endwin() once, ncurses 6.4 treats it as not yet initialised and
        // flushes after every cursor movement (as it must for terminfo-level callers of mvcur): a step went
        // out as one write(2) per jump, six or seven a frame, and the terminal could show a frame half drawn.
        // One endwin() and refresh() before anything is drawn put ncurses in its running state, where a
        // frame is a single write. Nothing is on the screen yet, so nothing is seen to flicker.
        endwin()
        refresh()
        cn_install_crash_handlers()
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            for entry in Palette.pairs { init_pair(entry.pair, entry.foreground, -1) }
        }
        palette = Palette(colors: colors)
    }

    deinit { end() }

    /// The window size now.
    var size: Size { Size(width: Int(cn_cols()), height: Int(cn_lines())) }

    /// Forgets what is on the terminal, so that the next paint sends every cell.
    func invalidate(clearTerminal: Bool) {
        shown = nil
        if clearTerminal { clearok(cn_curscr(), true) }
    }

    /// Sends the cells of `canvas` that differ from what is shown, then refreshes. Returns the cells sent.
    @discardableResult
    func paint(_ canvas: Canvas) -> Int {
        let changed = canvas.changedCells(since: shown)
        var text: [wchar_t] = []
        for (x, y) in changed {
            let cell = canvas[x, y]
            // The right half of a wide character is drawn by its left half.
            if cell.isContinuation { continue }
            let style = palette.style(cell.ink)
            if let line = cell.line {
                cn_put_line(Int32(y), Int32(x), Self.acs(line), asciiLines ? 1 : 0, style.attributes, style.pair)
                continue
            }
            text.removeAll(keepingCapacity: true)
            for scalar in cell.text.unicodeScalars.prefix(4) { text.append(wchar_t(bitPattern: scalar.value)) }
            text.append(0)
            cn_put_text(Int32(y), Int32(x), text, style.attributes, style.pair)
        }
        placeCursor(canvas.cursor)
        refresh()
        shown = canvas
        return changed.count
    }

    /// Shows the cursor at `position` (where the focused answer field types next), or hides it. It is moved
    /// after the cells are drawn, since drawing moves it; a cursor that only moved changes no cell, and is sent
    /// by the same refresh.
    private func placeCursor(_ position: CellPosition?) {
        guard let position, position.x < Int(cn_cols()), position.y < Int(cn_lines()) else {
            if cursorShown {
                curs_set(0)
                cursorShown = false
            }
            return
        }
        if !cursorShown {
            curs_set(1)
            cursorShown = true
        }
        move(Int32(position.y), Int32(position.x))
    }

    /// The C target's code for a line piece.
    private static func acs(_ line: LineGlyph) -> Int32 {
        switch line {
        case .horizontal: Int32(CN_HLINE.rawValue)
        case .vertical: Int32(CN_VLINE.rawValue)
        case .topLeft: Int32(CN_ULCORNER.rawValue)
        case .topRight: Int32(CN_URCORNER.rawValue)
        case .bottomLeft: Int32(CN_LLCORNER.rawValue)
        case .bottomRight: Int32(CN_LRCORNER.rawValue)
        }
    }

    /// Reads one input, waiting at most `milliseconds`; nil when the time ran out or a signal came.
    func read(timeout milliseconds: Int32) -> Input? {
        wtimeout(cn_stdscr(), milliseconds)
        var code: Int32 = 0
        let result = cn_get_key(&code)
        if result == ERR { return nil }
        return KeyMapping.input(result: result, code: code)
    }

    /// Leaves curses mode and restores the terminal as it was; safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        cn_remove_crash_handlers()
        curs_set(1)
        endwin()
        delscreen(screen)
        cn_restore_terminal_modes()
    }
}
